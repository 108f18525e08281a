-- Volunteers: a profile per person. With an account, id = the Keycloak subject (the requests service relies on
-- "assigned volunteer id == token sub"); without one (registered by a coordinator), a random id and a sealed contact.
CREATE TABLE volunteers (
    id                  UUID PRIMARY KEY,
    account_subject     TEXT UNIQUE,
    -- Set only on demo profiles, so the demo login can claim its profile by username (see README).
    account_username    TEXT UNIQUE,
    display_name        TEXT NOT NULL,
    hub_id              UUID NOT NULL,
    -- Hub slugs, comma-separated; the first is hub_id's.
    hubs                TEXT NOT NULL,
    -- Home, rounded to ~110 m when stored: close enough to match, too coarse to find a door.
    lat                 DOUBLE PRECISION NOT NULL,
    lon                 DOUBLE PRECISION NOT NULL,
    area                TEXT,
    -- H3 cells of the home at two resolutions: the spatial index matching reads (see SearchArea).
    h3_fine             BIGINT NOT NULL,
    h3_coarse           BIGINT NOT NULL,
    radius_km           DOUBLE PRECISION NOT NULL CHECK (radius_km > 0 AND radius_km <= 100),
    skills              TEXT NOT NULL DEFAULT '',
    verified_skills     TEXT NOT NULL DEFAULT '',
    languages           TEXT NOT NULL,
    -- [{"day":"monday","from":"09:00","to":"17:00"}, ...] in the volunteer's timezone; [] = whenever on duty.
    availability        TEXT NOT NULL DEFAULT '[]',
    timezone            TEXT NOT NULL DEFAULT 'Europe/London',
    on_duty             BOOLEAN NOT NULL DEFAULT FALSE,
    max_tasks_per_week  INT CHECK (max_tasks_per_week IS NULL OR max_tasks_per_week > 0),
    rest_hours          INT NOT NULL DEFAULT 0 CHECK (rest_hours >= 0),
    sms_only            BOOLEAN NOT NULL DEFAULT FALSE,
    registered_by       TEXT NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             INT NOT NULL DEFAULT 0
);
-- Matching only ever looks at volunteers on duty, by cell: small partial indexes.
CREATE INDEX volunteers_on_duty_fine ON volunteers (h3_fine) WHERE on_duty;
CREATE INDEX volunteers_on_duty_coarse ON volunteers (h3_coarse) WHERE on_duty;

-- Contact details live apart from the profile, sealed with AES-GCM; lookup_hash finds the same person again.
CREATE TABLE volunteer_contacts (
    volunteer_id  UUID PRIMARY KEY REFERENCES volunteers (id) ON DELETE CASCADE ON UPDATE CASCADE,
    channel       TEXT  NOT NULL,
    key_id        TEXT  NOT NULL,
    nonce         BYTEA NOT NULL,
    ciphertext    BYTEA NOT NULL,
    lookup_hash   TEXT  NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL
);

-- One matching round per request: what we know of the request (from RequestSubmitted/Triaged/Escalated) and
-- where matching stands. The primary key is what stops a second round for the same request.
CREATE TABLE match_rounds (
    request_id        UUID PRIMARY KEY,
    hub_id            UUID NOT NULL,
    category          TEXT NOT NULL,
    urgency           TEXT NOT NULL,
    language          TEXT,
    lat               DOUBLE PRECISION,
    lon               DOUBLE PRECISION,
    window_from       TIMESTAMPTZ,
    window_to         TIMESTAMPTZ,
    escalation_level  INT  NOT NULL DEFAULT 0,
    -- open (offers out, or waiting for candidates) | assigned | done | closed
    status            TEXT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE offers (
    id            UUID PRIMARY KEY,
    request_id    UUID NOT NULL REFERENCES match_rounds (request_id),
    volunteer_id  UUID NOT NULL REFERENCES volunteers (id) ON UPDATE CASCADE,
    hub_id        UUID NOT NULL,
    category      TEXT NOT NULL,
    urgency       TEXT NOT NULL,
    distance_km   DOUBLE PRECISION NOT NULL,
    offer_code    TEXT NOT NULL,
    -- pending | accepted | declined | expired | withdrawn (someone else took it, or the request closed)
    status        TEXT NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    answered_at   TIMESTAMPTZ,
    -- Nobody is asked twice for the same request, also when two rounds race.
    UNIQUE (request_id, volunteer_id)
);
CREATE INDEX offers_pending_expiry ON offers (expires_at) WHERE status = 'pending';
CREATE INDEX offers_volunteer_pending ON offers (volunteer_id, expires_at, id) WHERE status = 'pending';

CREATE TABLE assignments (
    id              UUID PRIMARY KEY,
    request_id      UUID NOT NULL REFERENCES match_rounds (request_id),
    offer_id        UUID NOT NULL UNIQUE REFERENCES offers (id),
    volunteer_id    UUID NOT NULL REFERENCES volunteers (id) ON UPDATE CASCADE,
    hub_id          UUID NOT NULL,
    -- active | completed | released
    status          TEXT NOT NULL,
    accepted_at     TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ,
    released_at     TIMESTAMPTZ,
    release_reason  TEXT
);
-- First accept wins, guaranteed here too: at most one active assignment per request.
CREATE UNIQUE INDEX assignments_one_active ON assignments (request_id) WHERE status = 'active';
-- Fairness and limits: a volunteer's recent tasks.
CREATE INDEX assignments_volunteer_recent ON assignments (volunteer_id, accepted_at);
CREATE INDEX assignments_hub_active ON assignments (hub_id, accepted_at, id) WHERE status = 'active';
