-- Partner initiatives, modelled on IATI 2.03 activities, with a full dated history.
--
-- An initiative is an identity (code, IATI identifier) plus a sequence of revisions. Each revision holds the
-- whole state of the initiative from a business date on ("valid from", the "as of" of a document or of a
-- person's change) and says who recorded it and when. The current state is the latest revision; the state on
-- any date D is the latest revision valid on D. Links to framework nodes carry their own validity dates.

CREATE TEXT SEARCH CONFIGURATION initiatives.fr_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION initiatives.fr_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH platform.unaccent, french_stem;

CREATE TABLE initiatives.initiative (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code               text        NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$'),
    -- IATI activity identifier: {reporting organisation's IATI identifier}-{code}, or the code when the
    -- reporting organisation has none. Never changes once given.
    identifier         text        NOT NULL UNIQUE CHECK (length(identifier) BETWEEN 1 AND 200),
    origin             text        NOT NULL CHECK (origin IN ('SEED', 'USER', 'IATI_IMPORT')),
    -- A person changed this initiative: seed reloads leave it alone.
    edited             boolean     NOT NULL DEFAULT false,
    version            integer     NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text        NOT NULL
);

CREATE TABLE initiatives.revision (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id      bigint      NOT NULL REFERENCES initiatives.initiative (id),
    seq                integer     NOT NULL,
    -- The business date this state holds from: the first day it can mean, and the date as stated (YYYY, YYYY-MM
    -- or YYYY-MM-DD) so that "2018" is never shown as 2018-01-01.
    valid_from         date        NOT NULL,
    valid_from_text    text        NOT NULL CHECK (valid_from_text ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    recorded_by        text        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('SEED', 'CREATE', 'UPDATE', 'STATUS', 'IMPORT')),
    comment            jsonb,
    is_current         boolean     NOT NULL,
    -- The state, as columns for filtering and as one document for everything else.
    status             smallint    NOT NULL CHECK (status BETWEEN 1 AND 6),
    visibility         text        NOT NULL CHECK (visibility IN ('PUBLIC', 'INTERNAL')),
    title              jsonb       NOT NULL,
    reporting_org_id   bigint      REFERENCES organisations.organisation (id),
    -- Registered organisations with any role; those funding, accountable or extending (the "partners");
    -- and "organisationId:role" pairs.
    org_ids            bigint[]    NOT NULL DEFAULT '{}',
    partner_ids        bigint[]    NOT NULL DEFAULT '{}',
    participations     text[]      NOT NULL DEFAULT '{}',
    target_groups      text[]      NOT NULL DEFAULT '{}',
    regions            text[]      NOT NULL DEFAULT '{}',
    state              jsonb       NOT NULL,
    -- What this revision changed: [{field, before, after}].
    changes            jsonb       NOT NULL DEFAULT '[]',
    tsv                tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('initiatives.fr_unaccent'::regconfig, coalesce(title ->> 'fr', '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(title ->> 'en', '') || ' ' || coalesce(title ->> 'ar', '')), 'B')
        || setweight(to_tsvector('initiatives.fr_unaccent'::regconfig, coalesce(state -> 'description' ->> 'fr', '')), 'C')
        || setweight(to_tsvector('simple'::regconfig, coalesce(state -> 'description' ->> 'en', '')), 'D')) STORED,
    UNIQUE (initiative_id, seq)
);
-- One current revision per initiative.
CREATE UNIQUE INDEX revision_current_uq ON initiatives.revision (initiative_id) WHERE is_current;
CREATE INDEX revision_asof_idx ON initiatives.revision (initiative_id, valid_from DESC, seq DESC);
CREATE INDEX revision_current_status_idx ON initiatives.revision (status) WHERE is_current;
CREATE INDEX revision_current_orgs_idx ON initiatives.revision USING gin (org_ids) WHERE is_current;
CREATE INDEX revision_current_participations_idx ON initiatives.revision USING gin (participations) WHERE is_current;
CREATE INDEX revision_current_groups_idx ON initiatives.revision USING gin (target_groups) WHERE is_current;
CREATE INDEX revision_current_regions_idx ON initiatives.revision USING gin (regions) WHERE is_current;
CREATE INDEX revision_current_tsv_idx ON initiatives.revision USING gin (tsv) WHERE is_current;
CREATE INDEX revision_reporting_idx ON initiatives.revision (reporting_org_id) WHERE is_current;

-- Links to framework nodes. Node and framework codes are kept beside the node id: they are stable reference
-- codes, and filtering on them needs no join into another module's tables. A link is never deleted: removal
-- closes it (valid_to) and keeps who, when and why.
CREATE TABLE initiatives.node_link (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id      bigint      NOT NULL REFERENCES initiatives.initiative (id),
    node_id            bigint      NOT NULL REFERENCES frameworks.node (id),
    node_code          text        NOT NULL,
    framework_code     text        NOT NULL,
    valid_from         date        NOT NULL,
    valid_from_text    text        NOT NULL CHECK (valid_from_text ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    valid_to           date,
    valid_to_text      text        CHECK (valid_to_text ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    rationale          jsonb,
    sources            jsonb       NOT NULL DEFAULT '[]',
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text        NOT NULL,
    removed_at         timestamptz,
    removed_by         text,
    removal_reason     text,
    CHECK ((removed_at IS NULL) = (valid_to IS NULL)),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX node_link_live_uq ON initiatives.node_link (initiative_id, node_id) WHERE removed_at IS NULL;
CREATE INDEX node_link_initiative_idx ON initiatives.node_link (initiative_id);
CREATE INDEX node_link_node_idx ON initiatives.node_link (node_code, initiative_id);
CREATE INDEX node_link_framework_idx ON initiatives.node_link (framework_code, initiative_id);

-- Bumped by every write, in the write's transaction: the row lock orders writers, so a reader that sees stamp N
-- sees every write up to N. Computed views (scoreboards) are cached under the stamp they were computed at.
CREATE TABLE initiatives.change_stamp (
    id                 integer     PRIMARY KEY CHECK (id = 1),
    stamp              bigint      NOT NULL
);
INSERT INTO initiatives.change_stamp (id, stamp) VALUES (1, 0);

-- An uploaded IATI file between its preview and its application (or expiry): kept in the database so that any
-- node can apply what another previewed.
CREATE TABLE initiatives.iati_import (
    id                 uuid        PRIMARY KEY,
    file_name          text,
    content            bytea       NOT NULL,
    checksum           text        NOT NULL,
    -- What applying it would change, as previewed; applying recomputes it and refuses if it differs.
    preview            jsonb       NOT NULL,
    uploaded_by        text        NOT NULL,
    uploaded_by_id     bigint,
    uploaded_at        timestamptz NOT NULL DEFAULT now(),
    applied_at         timestamptz,
    applied_by         text
);
