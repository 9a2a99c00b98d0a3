-- Results-based management after IATI's results model: indicators on framework nodes and/or partner
-- initiatives, with a baseline and periods holding targets and actual values. Values are never overwritten:
-- a correction supersedes the earlier value, which stays with who, when and why.

CREATE TABLE indicators.indicator (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,59}$'),
    title            jsonb       NOT NULL,
    description      jsonb,
    measure          text        NOT NULL CHECK (measure IN ('UNIT', 'PERCENTAGE', 'QUALITATIVE')),
    unit             jsonb,
    ascending        boolean     NOT NULL DEFAULT true,
    baseline_year    integer CHECK (baseline_year BETWEEN 1900 AND 2100),
    baseline_value   numeric,
    baseline_comment jsonb,
    rationale        jsonb,
    sources          jsonb       NOT NULL DEFAULT '[]',
    edited           boolean     NOT NULL DEFAULT false,
    version          integer     NOT NULL DEFAULT 1,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    withdrawn_at     timestamptz,
    withdrawn_by     text,
    withdrawn_reason text,
    CHECK (measure <> 'PERCENTAGE' OR baseline_value IS NULL OR baseline_value BETWEEN 0 AND 100)
);
-- Few indicators are withdrawn: counting a node's live indicators checks this small index.
CREATE INDEX indicator_withdrawn_idx ON indicators.indicator (id) WHERE withdrawn_at IS NOT NULL;

-- Attachments. Node codes are frameworks.node.code; initiative identifiers belong to the initiatives module.
-- The indicator's code is repeated here (codes never change) so that a node's indicators are read in code order
-- straight from the index, however many the node has.
CREATE TABLE indicators.indicator_node (
    node_code      text   NOT NULL,
    indicator_id   bigint NOT NULL REFERENCES indicators.indicator (id),
    indicator_code text   NOT NULL,
    PRIMARY KEY (node_code, indicator_id)
);
CREATE INDEX indicator_node_indicator_idx ON indicators.indicator_node (indicator_id);
CREATE INDEX indicator_node_order_idx ON indicators.indicator_node (node_code, indicator_code);

CREATE TABLE indicators.indicator_initiative (
    initiative   text   NOT NULL,
    indicator_id bigint NOT NULL REFERENCES indicators.indicator (id),
    PRIMARY KEY (initiative, indicator_id)
);
CREATE INDEX indicator_initiative_indicator_idx ON indicators.indicator_initiative (indicator_id);

CREATE TABLE indicators.period (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_id      bigint      NOT NULL REFERENCES indicators.indicator (id),
    period_start      text        NOT NULL CHECK (period_start ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    period_end        text CHECK (period_end ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    -- First day of the start and last day of the end, for ordering.
    start_date        date        NOT NULL,
    end_date          date,
    target_value      numeric,
    target_text       jsonb,
    target_comment    jsonb,
    target_dimensions jsonb       NOT NULL DEFAULT '[]',
    actual_value      numeric,
    actual_upper      numeric,
    actual_text       jsonb,
    actual_comment    jsonb,
    actual_dimensions jsonb       NOT NULL DEFAULT '[]',
    approximate       boolean     NOT NULL DEFAULT false,
    -- A status given by a person: only for qualitative indicators (numeric ones are computed).
    given_status      text CHECK (given_status IN ('GREEN', 'AMBER', 'RED')),
    sources           jsonb       NOT NULL DEFAULT '[]',
    entered_by        text        NOT NULL,
    entered_at        timestamptz NOT NULL DEFAULT now(),
    superseded_at     timestamptz,
    superseded_by     text,
    supersede_reason  text,
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK (actual_upper IS NULL OR (actual_value IS NOT NULL AND actual_upper >= actual_value)),
    CHECK ((superseded_at IS NULL) = (superseded_by IS NULL))
);
-- One live value per period of an indicator.
CREATE UNIQUE INDEX period_live_uq ON indicators.period (indicator_id, period_start, coalesce(period_end, ''))
    WHERE superseded_at IS NULL;
CREATE INDEX period_indicator_idx ON indicators.period (indicator_id, start_date DESC, end_date DESC)
    WHERE superseded_at IS NULL;
