-- Shared extensions live in the platform schema: the unaccent dictionary (accent-insensitive text search)
-- and trigram indexes (similarity search on names).
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA platform;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA platform;

CREATE TABLE platform.app_user (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        text        NOT NULL CHECK (username ~ '^[a-z0-9._-]{2,60}$'),
    display_name    text        NOT NULL,
    email           text,
    password_hash   text        NOT NULL,
    roles           text[]      NOT NULL DEFAULT '{}',
    organisation_id bigint,
    language        text        NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'ar', 'en')),
    enabled         boolean     NOT NULL DEFAULT true,
    failed_logins   integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_username_uq ON platform.app_user (username);

CREATE TABLE platform.api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES platform.app_user (id),
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    prefix       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user_idx ON platform.api_token (user_id);

CREATE TABLE platform.audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    actor_id    bigint,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text        NOT NULL,
    summary     text,
    before      jsonb,
    after       jsonb,
    public      boolean     NOT NULL DEFAULT false
);
CREATE INDEX audit_event_time_idx ON platform.audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_entity_idx ON platform.audit_event (entity_type, entity_id);

-- Which seed files have been loaded, so that a restart does not load them again.
CREATE TABLE platform.seed_run (
    name      text PRIMARY KEY,
    checksum  text        NOT NULL,
    records   integer     NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);

-- Spring Session JDBC (sessions live in the database so that nodes stay stateless).
CREATE TABLE platform.spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval integer      NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON platform.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON platform.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON platform.spring_session (principal_name);

CREATE TABLE platform.spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES platform.spring_session (primary_id) ON DELETE CASCADE
);

-- Spring Modulith's event publication registry (the outbox for events between modules).
CREATE TABLE platform.event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON platform.event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON platform.event_publication (completion_date);
