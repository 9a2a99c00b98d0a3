-- Accent-insensitive French search over node titles and texts (same recipe as the document library's).
CREATE TEXT SEARCH CONFIGURATION frameworks.fr_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION frameworks.fr_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH platform.unaccent, french_stem;

CREATE TABLE frameworks.framework (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code               text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,59}$'),
    kind               text        NOT NULL,
    title              jsonb       NOT NULL,
    short_title        jsonb,
    description        jsonb,
    binding            text        NOT NULL CHECK (binding IN ('BINDING', 'NON_BINDING')),
    status             text        NOT NULL CHECK (status IN ('ADOPTED', 'SIGNED', 'RATIFIED', 'IN_FORCE', 'NOT_RATIFIED',
                           'UNDER_NEGOTIATION', 'ENDED', 'UNKNOWN')),
    -- Dates as precise as the documents give them: YYYY, YYYY-MM or YYYY-MM-DD.
    -- status_reported_on is the date of the report that states the status: a status can change after it.
    status_reported_on text CHECK (status_reported_on ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    adopted_on         text CHECK (adopted_on ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    signed_on          text CHECK (signed_on ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    ratified_on        text CHECK (ratified_on ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    in_force_on        text CHECK (in_force_on ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    parties            text[]      NOT NULL DEFAULT '{}',
    reference          text,
    complete           boolean     NOT NULL DEFAULT true,
    gaps               jsonb,
    sources            jsonb       NOT NULL DEFAULT '[]',
    edited             boolean     NOT NULL DEFAULT false,
    version            integer     NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE frameworks.node (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    framework_id bigint  NOT NULL REFERENCES frameworks.framework (id) ON DELETE CASCADE,
    code         text    NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Za-z0-9.-]{0,79}$'),
    parent_id    bigint  REFERENCES frameworks.node (id) ON DELETE CASCADE,
    kind         text    NOT NULL,
    number       text,
    position     integer NOT NULL,
    depth        integer NOT NULL,
    title        jsonb   NOT NULL,
    text         jsonb,
    complete     boolean NOT NULL DEFAULT true,
    gaps         jsonb,
    sources      jsonb   NOT NULL DEFAULT '[]',
    edited       boolean NOT NULL DEFAULT false,
    version      integer NOT NULL DEFAULT 1,
    tsv          tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('frameworks.fr_unaccent'::regconfig, coalesce(title ->> 'fr', '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(title ->> 'en', '') || ' ' || coalesce(title ->> 'ar', '')), 'B')
        || setweight(to_tsvector('frameworks.fr_unaccent'::regconfig, coalesce(text ->> 'fr', '')), 'C')) STORED
);
CREATE INDEX node_framework_idx ON frameworks.node (framework_id, position);
CREATE INDEX node_parent_idx ON frameworks.node (parent_id);
CREATE INDEX node_tsv_idx ON frameworks.node USING gin (tsv);

-- What a party reports having done under a node (e.g. Morocco under a GCM objective).
CREATE TABLE frameworks.node_report (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_id     bigint  NOT NULL REFERENCES frameworks.node (id) ON DELETE CASCADE,
    reporter    text    NOT NULL,
    reported_on date,
    text        jsonb   NOT NULL,
    summary     jsonb,
    sources     jsonb   NOT NULL DEFAULT '[]',
    position    integer NOT NULL DEFAULT 0
);
CREATE INDEX node_report_node_idx ON frameworks.node_report (node_id);

-- The crosswalk between nodes of different frameworks. Links are never deleted: removal keeps who, when, why.
CREATE TABLE frameworks.crosswalk_link (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_node_id   bigint      NOT NULL REFERENCES frameworks.node (id),
    to_node_id     bigint      NOT NULL REFERENCES frameworks.node (id),
    relation       text        NOT NULL CHECK (relation IN ('RELATED', 'CONTRIBUTES_TO')),
    basis          text        NOT NULL CHECK (basis IN ('STATED', 'PROPOSED')),
    rationale      jsonb       NOT NULL,
    sources        jsonb       NOT NULL DEFAULT '[]',
    seeded         boolean     NOT NULL DEFAULT false,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    removed_at     timestamptz,
    removed_by     text,
    removal_reason text,
    CHECK (from_node_id <> to_node_id),
    CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
-- One live link per pair of nodes, whichever way round it was entered.
CREATE UNIQUE INDEX crosswalk_live_pair_uq ON frameworks.crosswalk_link
    (least(from_node_id, to_node_id), greatest(from_node_id, to_node_id)) WHERE removed_at IS NULL;
CREATE INDEX crosswalk_from_idx ON frameworks.crosswalk_link (from_node_id);
CREATE INDEX crosswalk_to_idx ON frameworks.crosswalk_link (to_node_id);
