-- Diaspora skills mobilisation. ESCO concepts are referenced by URI; the taxonomy itself is the derived extract in
-- seed/esco, held in memory (it never changes while Marsad runs), which checks every URI before it is stored.

CREATE TABLE skills.expert (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The account of the expert; null for the synthetic experts of demo mode, who cannot sign in.
    user_id          bigint UNIQUE REFERENCES platform.app_user (id),
    display_name     text        NOT NULL,
    country          text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    city             text,
    nationalities    text[]      NOT NULL DEFAULT '{}',
    education_level  text        CHECK (education_level IN ('SECONDARY', 'SHORT_CYCLE', 'BACHELOR', 'MASTER', 'DOCTORATE')),
    education_field  text,
    occupation_uri   text,
    years_experience integer     CHECK (years_experience BETWEEN 0 AND 70),
    sectors          text[]      NOT NULL DEFAULT '{}',
    contributions    text[]      NOT NULL DEFAULT '{}',
    summary          text,
    -- What institutions may see beyond the matching criteria (NAME, CITY, NATIONALITIES, EDUCATION, SUMMARY, EMAIL).
    visible_fields   text[]      NOT NULL DEFAULT '{}',
    synthetic        boolean     NOT NULL DEFAULT false,
    version          integer     NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX expert_country_idx ON skills.expert (country);

CREATE TABLE skills.expert_language (
    expert_id bigint NOT NULL REFERENCES skills.expert (id) ON DELETE CASCADE,
    language  text   NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    level     text   NOT NULL CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE')),
    PRIMARY KEY (expert_id, language)
);

CREATE TABLE skills.expert_skill (
    expert_id   bigint NOT NULL REFERENCES skills.expert (id) ON DELETE CASCADE,
    concept_uri text   NOT NULL,
    level       text   NOT NULL CHECK (level IN ('BASIC', 'INTERMEDIATE', 'ADVANCED', 'EXPERT')),
    PRIMARY KEY (expert_id, concept_uri)
);

CREATE TABLE skills.free_skill (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    expert_id  bigint      NOT NULL REFERENCES skills.expert (id) ON DELETE CASCADE,
    text       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX free_skill_expert_idx ON skills.free_skill (expert_id);

CREATE TABLE skills.free_skill_mapping (
    free_skill_id bigint      NOT NULL REFERENCES skills.free_skill (id) ON DELETE CASCADE,
    concept_uri   text        NOT NULL,
    status        text        NOT NULL DEFAULT 'SUGGESTED' CHECK (status IN ('SUGGESTED', 'CONFIRMED', 'REJECTED')),
    rank          integer     NOT NULL DEFAULT 0,
    decided_at    timestamptz,
    PRIMARY KEY (free_skill_id, concept_uri)
);

CREATE TABLE skills.availability (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    expert_id bigint NOT NULL REFERENCES skills.expert (id) ON DELETE CASCADE,
    from_date date   NOT NULL,
    to_date   date   NOT NULL,
    CHECK (to_date >= from_date)
);
CREATE INDEX availability_expert_idx ON skills.availability (expert_id);

-- Consent is given per purpose and withdrawn by closing the row: the history stays.
CREATE TABLE skills.consent (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    expert_id    bigint      NOT NULL REFERENCES skills.expert (id) ON DELETE CASCADE,
    purpose      text        NOT NULL CHECK (purpose IN ('PROFILE', 'MATCHING', 'CONTACT', 'NETWORKS')),
    text_version text        NOT NULL,
    granted_at   timestamptz NOT NULL DEFAULT now(),
    withdrawn_at timestamptz
);
CREATE UNIQUE INDEX consent_active_uq ON skills.consent (expert_id, purpose) WHERE withdrawn_at IS NULL;

-- Every change to what matching uses, in commit order (writers take an advisory lock), so that each node's in-memory
-- index can follow it by polling. No foreign key: an erased expert still has to leave the indexes.
CREATE TABLE skills.expert_change (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    expert_id  bigint      NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE skills.demand (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id       bigint      NOT NULL REFERENCES organisations.organisation (id),
    created_by            bigint      REFERENCES platform.app_user (id),
    title                 jsonb       NOT NULL,
    description           jsonb       NOT NULL,
    contribution          text        NOT NULL,
    sector                text        NOT NULL,
    occupation_uri        text,
    min_experience        integer     CHECK (min_experience BETWEEN 0 AND 60),
    min_education         text        CHECK (min_education IN ('SECONDARY', 'SHORT_CYCLE', 'BACHELOR', 'MASTER', 'DOCTORATE')),
    start_date            date,
    end_date              date,
    duration_days         integer     CHECK (duration_days BETWEEN 1 AND 1100),
    place_mode            text        NOT NULL CHECK (place_mode IN ('ON_SITE', 'REMOTE', 'HYBRID')),
    city                  text,
    region                text        CHECK (region ~ '^MA-(0[1-9]|1[0-2])$'),
    travel_covered        boolean     NOT NULL DEFAULT false,
    accommodation_covered boolean     NOT NULL DEFAULT false,
    honorarium            numeric(14, 2) CHECK (honorarium >= 0),
    honorarium_currency   text        CHECK (honorarium_currency ~ '^[A-Z]{3}$'),
    experts_wanted        integer     NOT NULL DEFAULT 1 CHECK (experts_wanted BETWEEN 1 AND 50),
    status                text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    published_at          timestamptz,
    closed_at             timestamptz,
    closed_by             text,
    close_reason          text,
    synthetic             boolean     NOT NULL DEFAULT false,
    version               integer     NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CHECK ((honorarium IS NULL) = (honorarium_currency IS NULL))
);
CREATE INDEX demand_status_idx ON skills.demand (status);
CREATE INDEX demand_organisation_idx ON skills.demand (organisation_id);

CREATE TABLE skills.demand_skill (
    demand_id   bigint  NOT NULL REFERENCES skills.demand (id) ON DELETE CASCADE,
    concept_uri text    NOT NULL,
    essential   boolean NOT NULL,
    PRIMARY KEY (demand_id, concept_uri)
);

CREATE TABLE skills.demand_language (
    demand_id bigint  NOT NULL REFERENCES skills.demand (id) ON DELETE CASCADE,
    language  text    NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    min_level text    NOT NULL CHECK (min_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE')),
    required  boolean NOT NULL DEFAULT true,
    PRIMARY KEY (demand_id, language)
);

CREATE TABLE skills.mission (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    demand_id       bigint        NOT NULL REFERENCES skills.demand (id),
    -- Null once the expert has erased their account; the mission stays for the institution and the statistics.
    expert_id       bigint        REFERENCES skills.expert (id) ON DELETE SET NULL,
    organisation_id bigint        NOT NULL REFERENCES organisations.organisation (id),
    state           text          NOT NULL CHECK (state IN ('PROPOSED', 'CONTACTED', 'ACCEPTED', 'DECLINED', 'SCHEDULED',
                        'IN_PROGRESS', 'COMPLETED', 'EVALUATED', 'CLOSED', 'CANCELLED')),
    -- The match as it was when the expert was proposed: what both sides are shown as the reason.
    score           numeric(6, 2) NOT NULL,
    explanation     jsonb         NOT NULL,
    -- Kept for the outcome statistics (country of residence at the time of the proposal).
    expert_country  text,
    expert_erased   boolean       NOT NULL DEFAULT false,
    scheduled_start date,
    scheduled_end   date,
    state_since     timestamptz   NOT NULL DEFAULT now(),
    created_by      bigint,
    synthetic       boolean       NOT NULL DEFAULT false,
    version         integer       NOT NULL DEFAULT 1,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    CHECK (scheduled_end IS NULL OR scheduled_start IS NULL OR scheduled_end >= scheduled_start)
);
CREATE UNIQUE INDEX mission_demand_expert_uq ON skills.mission (demand_id, expert_id) WHERE expert_id IS NOT NULL;
CREATE INDEX mission_expert_idx ON skills.mission (expert_id);
CREATE INDEX mission_organisation_idx ON skills.mission (organisation_id);
CREATE INDEX mission_state_idx ON skills.mission (state, state_since);

CREATE TABLE skills.mission_event (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mission_id bigint      NOT NULL REFERENCES skills.mission (id),
    at         timestamptz NOT NULL DEFAULT now(),
    action     text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    actor_side text        NOT NULL CHECK (actor_side IN ('INSTITUTION', 'EXPERT', 'ADMIN', 'SYSTEM')),
    actor_id   bigint,
    note       text
);
CREATE INDEX mission_event_mission_idx ON skills.mission_event (mission_id, id);

CREATE TABLE skills.mission_evaluation (
    mission_id   bigint      NOT NULL REFERENCES skills.mission (id),
    side         text        NOT NULL CHECK (side IN ('INSTITUTION', 'EXPERT')),
    overall      smallint    NOT NULL CHECK (overall BETWEEN 1 AND 5),
    objectives   smallint    NOT NULL CHECK (objectives BETWEEN 1 AND 5),
    cooperation  smallint    NOT NULL CHECK (cooperation BETWEEN 1 AND 5),
    would_repeat boolean     NOT NULL,
    comment      text,
    at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (mission_id, side)
);

-- The outbox: a notification is written in the transaction of the event that causes it, then sent by a job.
CREATE TABLE skills.notification (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id    bigint      REFERENCES platform.app_user (id),
    email           text,
    language        text        NOT NULL CHECK (language IN ('fr', 'ar', 'en')),
    kind            text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    link            text,
    -- One notification per cause: a second write of the same cause is ignored.
    idempotency_key text        NOT NULL UNIQUE,
    state           text        NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'NO_EMAIL')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    last_error      text,
    sent_at         timestamptz,
    read_at         timestamptz,
    mission_id      bigint,
    demand_id       bigint,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_due_idx ON skills.notification (next_attempt_at) WHERE state = 'QUEUED';
CREATE INDEX notification_recipient_idx ON skills.notification (recipient_id, id DESC);
CREATE INDEX notification_state_idx ON skills.notification (state, id DESC);

CREATE TABLE skills.network (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
    kind        text        NOT NULL CHECK (kind IN ('GEOGRAPHIC', 'THEMATIC')),
    country     text        CHECK (country ~ '^[A-Z]{2}$'),
    name        jsonb       NOT NULL,
    description jsonb,
    sources     jsonb       NOT NULL DEFAULT '[]',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE skills.network_member (
    network_id bigint      NOT NULL REFERENCES skills.network (id),
    expert_id  bigint      NOT NULL REFERENCES skills.expert (id) ON DELETE CASCADE,
    joined_at  timestamptz NOT NULL DEFAULT now(),
    left_at    timestamptz,
    PRIMARY KEY (network_id, expert_id)
);

CREATE TABLE skills.announcement (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_id bigint      NOT NULL REFERENCES skills.network (id),
    author_id  bigint      REFERENCES platform.app_user (id),
    language   text        NOT NULL CHECK (language IN ('fr', 'ar', 'en')),
    title      text        NOT NULL,
    body       text        NOT NULL,
    recipients integer     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX announcement_network_idx ON skills.announcement (network_id, id DESC);

-- The experts an institution was shown for its demand (first time, best rank): "matches" in the outcome figures.
CREATE TABLE skills.match_shown (
    demand_id     bigint      NOT NULL REFERENCES skills.demand (id),
    expert_id     bigint      NOT NULL REFERENCES skills.expert (id) ON DELETE CASCADE,
    -- Null when the expert was proposed without a ranked list (e.g. through the API).
    best_rank     integer,
    first_shown_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (demand_id, expert_id)
);
