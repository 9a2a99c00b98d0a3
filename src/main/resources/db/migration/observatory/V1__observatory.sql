-- Codelists: the allowed values of a dimension, with labels in three languages and one hierarchy (parent).
CREATE TABLE observatory.codelist (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{0,49}$'),
    name        jsonb       NOT NULL,
    description jsonb,
    seeded      boolean     NOT NULL DEFAULT false,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- When a code was last added or relabelled: readers cache a codelist until this changes.
    changed_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE observatory.code (
    codelist_id integer NOT NULL REFERENCES observatory.codelist (id),
    code        text    NOT NULL CHECK (code ~ '^[A-Za-z0-9_@$-]{1,50}$'),
    label       jsonb   NOT NULL,
    description jsonb,
    parent      text,
    alpha3      text,
    position    integer NOT NULL,
    PRIMARY KEY (codelist_id, code)
);

-- Who produced a figure: an organisation of the registry (by code), a body, or a publication.
CREATE TABLE observatory.source (
    id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code              text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{0,49}$'),
    kind              text        NOT NULL CHECK (kind IN ('ORGANISATION', 'BODY', 'PUBLICATION')),
    organisation_code text,
    name              jsonb       NOT NULL,
    definition        jsonb,
    citations         jsonb       NOT NULL DEFAULT '[]',
    seeded            boolean     NOT NULL DEFAULT false,
    version           integer     NOT NULL DEFAULT 1,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- A dataset's structure: its dimensions (in key order), measure and unit, how its published tables break down
-- (aggregates), its notes and citations. data_changed_at / summary_at tell whether the summary is fresh.
CREATE TABLE observatory.dataset (
    id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code            text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{0,49}$'),
    name            jsonb       NOT NULL,
    description     jsonb,
    themes          text[]      NOT NULL DEFAULT '{}',
    measure         jsonb       NOT NULL,
    unit            text,
    additive        boolean     NOT NULL DEFAULT false,
    aggregates      jsonb       NOT NULL DEFAULT '[]',
    notes           jsonb       NOT NULL DEFAULT '[]',
    citations       jsonb       NOT NULL DEFAULT '[]',
    published       boolean     NOT NULL DEFAULT false,
    seeded          boolean     NOT NULL DEFAULT false,
    version         integer     NOT NULL DEFAULT 1,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    data_changed_at timestamptz NOT NULL DEFAULT now(),
    summary_at      timestamptz,
    -- Kept up to date by every write, so the catalogue never counts millions of rows.
    obs_count       bigint      NOT NULL DEFAULT 0,
    first_period    text,
    first_start     date,
    last_period     text,
    last_end        date
);

CREATE TABLE observatory.dimension (
    dataset_id  integer  NOT NULL REFERENCES observatory.dataset (id),
    position    smallint NOT NULL CHECK (position BETWEEN 1 AND 12),
    code        text     NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{0,49}$'),
    name        jsonb    NOT NULL,
    codelist_id integer  NOT NULL REFERENCES observatory.codelist (id),
    total_code  text,
    PRIMARY KEY (dataset_id, position),
    UNIQUE (dataset_id, code)
);

-- Which sources a dataset holds current values from.
CREATE TABLE observatory.dataset_source (
    dataset_id integer NOT NULL REFERENCES observatory.dataset (id),
    source_id  integer NOT NULL REFERENCES observatory.source (id),
    PRIMARY KEY (dataset_id, source_id)
);

-- A series: one combination of dimension codes (the SDMX series key, dot-separated). Sources are not part of it:
-- each observation says which source gave it.
CREATE TABLE observatory.series (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id integer NOT NULL REFERENCES observatory.dataset (id),
    key        text    NOT NULL,
    dims       text[]  NOT NULL,
    UNIQUE (dataset_id, key)
);

-- Imports: the uploaded file waits in a PostgreSQL large object, so any node can process it and the status is
-- visible from every node; errors are one row per rejected cell or row.
CREATE TABLE observatory.import_job (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id      integer     NOT NULL REFERENCES observatory.dataset (id),
    file_name       text        NOT NULL,
    content_type    text,
    file_size       bigint      NOT NULL,
    file_sha256     text        NOT NULL,
    file_oid        oid,
    format          text,
    mode            text        NOT NULL CHECK (mode IN ('ALL_OR_NOTHING', 'ACCEPT_VALID')),
    default_source  text,
    language        text        NOT NULL DEFAULT 'fr',
    status          text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'REJECTED', 'FAILED')),
    phase           text,
    bytes_read      bigint      NOT NULL DEFAULT 0,
    rows_read       bigint      NOT NULL DEFAULT 0,
    rows_rejected   bigint      NOT NULL DEFAULT 0,
    inserted        bigint      NOT NULL DEFAULT 0,
    corrected       bigint      NOT NULL DEFAULT 0,
    unchanged       bigint      NOT NULL DEFAULT 0,
    withdrawn       bigint      NOT NULL DEFAULT 0,
    error_key       text,
    error_args      jsonb,
    node            text,
    heartbeat_at    timestamptz,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
CREATE INDEX import_job_status_idx ON observatory.import_job (status, id);
CREATE INDEX import_job_dataset_idx ON observatory.import_job (dataset_id, id DESC);

CREATE TABLE observatory.import_error (
    job_id      bigint NOT NULL REFERENCES observatory.import_job (id),
    seq         integer NOT NULL,
    line        bigint NOT NULL,
    column_name text,
    value       text,
    reason_key  text   NOT NULL,
    reason_args jsonb  NOT NULL DEFAULT '[]',
    PRIMARY KEY (job_id, seq)
);

-- Observations, versioned: a correction closes the current vintage (valid_to, current = false) and adds a new
-- one; nothing is overwritten. Partitioned on `current` so that the current values have their own compact
-- unique index (series, source, period) and the past vintages theirs, for asOf queries.
CREATE TABLE observatory.observation (
    series_id    bigint      NOT NULL,
    source_id    integer     NOT NULL,
    period       text        NOT NULL,
    period_start date        NOT NULL,
    period_end   date        NOT NULL,
    value        numeric     NOT NULL,
    status       char(1)     NOT NULL DEFAULT 'A' CHECK (status IN ('A', 'E', 'P', 'F')),
    qualifier    text CHECK (qualifier IN ('ABOUT', 'MORE_THAN', 'AT_LEAST', 'LESS_THAN', 'AT_MOST')),
    period_basis text CHECK (period_basis IN ('DOCUMENT_DATE')),
    decimals     smallint,
    note         jsonb,
    citation     jsonb,
    import_id    bigint,
    recorded_by  text,
    valid_from   timestamptz NOT NULL,
    valid_to     timestamptz,
    current      boolean     NOT NULL DEFAULT true,
    CHECK (current = (valid_to IS NULL))
) PARTITION BY LIST (current);
CREATE TABLE observatory.observation_current PARTITION OF observatory.observation FOR VALUES IN (true);
CREATE TABLE observatory.observation_past PARTITION OF observatory.observation FOR VALUES IN (false);
CREATE UNIQUE INDEX observation_current_key ON observatory.observation_current (series_id, source_id, period);
CREATE INDEX observation_past_key ON observatory.observation_past (series_id, source_id, period, valid_from);

-- Figures a source published next to the counts (shares, % change, growth rates), stored as published with
-- their rounding, so that the check view can compare them with what Marsad computes.
CREATE TABLE observatory.published_figure (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id  integer  NOT NULL REFERENCES observatory.dataset (id),
    series_key  text     NOT NULL,
    source_id   integer  NOT NULL REFERENCES observatory.source (id),
    kind        text     NOT NULL CHECK (kind IN ('SHARE', 'CHANGE', 'PCT_CHANGE', 'GROWTH_LINEAR', 'CAGR')),
    period      text     NOT NULL,
    base_period text,
    base_code   text,
    value       numeric  NOT NULL,
    decimals    smallint NOT NULL,
    qualifier   text,
    citation    jsonb    NOT NULL,
    UNIQUE (dataset_id, series_key, source_id, kind, period, base_period)
);

-- Sums of current values over every pair of dimensions, per source and period: what aggregate queries read
-- on large datasets instead of millions of observations. Rebuilt after an import changes the dataset.
CREATE TABLE observatory.summary (
    dataset_id   integer  NOT NULL,
    source_id    integer  NOT NULL,
    dim_a        smallint NOT NULL,
    dim_b        smallint NOT NULL,
    code_a       text     NOT NULL,
    code_b       text     NOT NULL,
    period       text     NOT NULL,
    period_start date     NOT NULL,
    period_end   date     NOT NULL,
    total        numeric  NOT NULL,
    n            integer  NOT NULL
);
CREATE INDEX summary_lookup ON observatory.summary (dataset_id, dim_a, dim_b, period_start);
