-- French full-text search that ignores accents: "etudiants" finds "étudiants", "migrant" finds "migrations".
CREATE TEXT SEARCH CONFIGURATION documents.fr_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION documents.fr_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH platform.unaccent, french_stem;

CREATE TABLE documents.document (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code         text        NOT NULL UNIQUE,
    file_name    text        NOT NULL,
    kind         text        NOT NULL,
    title        jsonb       NOT NULL,
    summary      jsonb,
    issuer       text        NOT NULL,
    issuer_codes text[]      NOT NULL DEFAULT '{}',
    published_on date,
    date_label   text,
    language     text        NOT NULL DEFAULT 'fr',
    line_count   integer     NOT NULL,
    sha256       text        NOT NULL,
    content      text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- A passage is a run of lines read as one paragraph: the unit of search and of citation links.
CREATE TABLE documents.passage (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id bigint  NOT NULL REFERENCES documents.document (id) ON DELETE CASCADE,
    seq         integer NOT NULL,
    from_line   integer NOT NULL,
    to_line     integer NOT NULL,
    text        text    NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (to_tsvector('documents.fr_unaccent'::regconfig, text)) STORED,
    UNIQUE (document_id, seq),
    CHECK (to_line >= from_line)
);
CREATE INDEX passage_tsv_idx ON documents.passage USING gin (tsv);
CREATE INDEX passage_lines_idx ON documents.passage (document_id, from_line);
