CREATE TABLE organisations.organisation (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
    type             text        NOT NULL CHECK (type IN ('STATE', 'EU_INSTITUTION', 'EU_AGENCY', 'UN_AGENCY',
                         'INTERNATIONAL_ORGANISATION', 'COOPERATION_AGENCY', 'PUBLIC_INSTITUTION', 'NGO', 'EMPLOYER', 'ACADEMIC')),
    country          text        CHECK (country ~ '^[A-Z]{2}$'),
    parent_id        bigint      REFERENCES organisations.organisation (id),
    name             jsonb       NOT NULL,
    acronym          jsonb,
    description      jsonb,
    iati_identifier  text        UNIQUE,
    website          text,
    sources          jsonb       NOT NULL DEFAULT '[]',
    -- Lower-case, unaccented code, names and aliases: what the search matches.
    search_text      text        NOT NULL DEFAULT '',
    -- A person edited this record: seed reloads leave it alone.
    edited           boolean     NOT NULL DEFAULT false,
    version          integer     NOT NULL DEFAULT 1,
    withdrawn_at     timestamptz,
    withdrawn_by     text,
    withdrawn_reason text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisation_search_idx ON organisations.organisation USING gin (search_text platform.gin_trgm_ops);
CREATE INDEX organisation_type_idx ON organisations.organisation (type);

CREATE TABLE organisations.alias (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisations.organisation (id) ON DELETE CASCADE,
    value           text   NOT NULL,
    -- Lower case without accents (computed by the application): what codes and aliases resolve on.
    value_folded    text   NOT NULL,
    lang            text   CHECK (lang IN ('fr', 'ar', 'en')),
    kind            text   NOT NULL CHECK (kind IN ('ACRONYM', 'ANNEX_CODE', 'FORMER_NAME', 'OTHER_NAME')),
    note            text,
    position        integer NOT NULL DEFAULT 0
);
CREATE INDEX alias_value_idx ON organisations.alias (value_folded);
CREATE INDEX alias_organisation_idx ON organisations.alias (organisation_id);
