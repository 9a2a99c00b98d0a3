-- The MISMES inventory: migrant support measures, the ETF models and target groups they are classified by, and
-- the Mobility Partnership points that the ETF report relates to each phase of support.

CREATE TABLE measures.model (
    code     text    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]{1,39}$'),
    position integer NOT NULL,
    title    jsonb   NOT NULL,
    -- Phases the model's name places it in (empty: the name gives no phase).
    phases   text[]  NOT NULL DEFAULT '{}',
    sources  jsonb   NOT NULL DEFAULT '[]'
);

CREATE TABLE measures.target_group (
    code     text    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]{1,39}$'),
    position integer NOT NULL,
    title    jsonb   NOT NULL
);

CREATE TABLE measures.phase_point (
    phase     text    NOT NULL CHECK (phase IN ('PRE_DEPARTURE', 'DURING', 'RETURN', 'CROSS_PHASE')),
    node_code text    NOT NULL,
    position  integer NOT NULL,
    sources   jsonb   NOT NULL DEFAULT '[]',
    PRIMARY KEY (phase, node_code)
);

CREATE TABLE measures.measure (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code               text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
    number             integer,
    title              jsonb       NOT NULL,
    description        jsonb,
    phase              text        NOT NULL CHECK (phase IN ('PRE_DEPARTURE', 'DURING', 'RETURN', 'CROSS_PHASE')),
    models             text[]      NOT NULL DEFAULT '{}',
    models_rationale   jsonb,
    target_groups      text[]      NOT NULL DEFAULT '{}',
    -- Organisation codes of the registry (organisations.organisation.code).
    implementers       text[]      NOT NULL DEFAULT '{}',
    funders            text[]      NOT NULL DEFAULT '{}',
    funding            jsonb,
    -- Dates as precise as the source gives them: YYYY, YYYY-MM or YYYY-MM-DD.
    start_on           text CHECK (start_on ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    end_on             text CHECK (end_on ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    duration           jsonb,
    budget_amount      numeric CHECK (budget_amount >= 0),
    budget_currency    text CHECK (budget_currency ~ '^[A-Z]{3}$'),
    budget_approximate boolean     NOT NULL DEFAULT false,
    budget_text        jsonb,
    beneficiaries_min  integer CHECK (beneficiaries_min >= 0),
    beneficiaries_max  integer,
    beneficiaries_text jsonb,
    activities         jsonb       NOT NULL DEFAULT '[]',
    programmes         jsonb       NOT NULL DEFAULT '[]',
    evaluation         text        NOT NULL CHECK (evaluation IN ('NOT_EVALUATED', 'ONGOING', 'PARTIAL', 'EVALUATED')),
    findings           jsonb       NOT NULL DEFAULT '[]',
    -- Links to framework nodes: [{node, basis, rationale, sources}].
    points             jsonb       NOT NULL DEFAULT '[]',
    -- Partner initiatives by their identifier (the initiatives module owns them).
    initiatives        text[]      NOT NULL DEFAULT '{}',
    sources            jsonb       NOT NULL DEFAULT '[]',
    edited             boolean     NOT NULL DEFAULT false,
    version            integer     NOT NULL DEFAULT 1,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         text        NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    withdrawn_at       timestamptz,
    withdrawn_by       text,
    withdrawn_reason   text,
    CHECK ((budget_amount IS NULL) = (budget_currency IS NULL)),
    CHECK (beneficiaries_max IS NULL OR beneficiaries_min IS NULL OR beneficiaries_max >= beneficiaries_min),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX measure_initiatives_idx ON measures.measure USING gin (initiatives);
