-- Hubs: mutual-aid groups and regional hubs. A hub's id is derived from its slug (docs/adr/0004).
CREATE TABLE hubs (
    id           UUID PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    centre_lat   DOUBLE PRECISION NOT NULL,
    centre_lon   DOUBLE PRECISION NOT NULL,
    timezone     TEXT NOT NULL,
    -- [{"name": "...", "postcodeDistricts": ["NP22"], "polygon": [[lat, lon], ...]}]
    areas        TEXT NOT NULL
);

-- A request for help. Deliberately no field about income, benefits, identity, immigration status or
-- "deservingness" (RequestSchemaGuardTest fails the build if one appears). Priority = urgency, then waiting time.
CREATE TABLE help_requests (
    id                  UUID PRIMARY KEY,
    hub_id              UUID NOT NULL REFERENCES hubs (id),
    tracking_code       TEXT NOT NULL UNIQUE,
    category            TEXT NOT NULL,
    urgency             TEXT NOT NULL,
    urgency_rank        INT  NOT NULL,
    status              TEXT NOT NULL,
    description         TEXT NOT NULL,
    lat                 DOUBLE PRECISION,
    lon                 DOUBLE PRECISION,
    area                TEXT,
    items               TEXT NOT NULL DEFAULT '[]',
    language            TEXT NOT NULL,
    accessibility       TEXT,
    window_from         TIMESTAMPTZ,
    window_to           TIMESTAMPTZ,
    channel             TEXT NOT NULL,
    outside_hub_area    BOOLEAN NOT NULL DEFAULT FALSE,
    escalation_level    INT NOT NULL DEFAULT 0,
    escalate_at         TIMESTAMPTZ,
    volunteer_id        UUID,
    assignment_id       UUID,
    duplicate_of        UUID REFERENCES help_requests (id),
    contact_hash        TEXT,
    follow_up_at        TIMESTAMPTZ,
    submitted_at        TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    closed_at           TIMESTAMPTZ,
    version             INT NOT NULL DEFAULT 0
);
CREATE INDEX help_requests_queue ON help_requests (hub_id, status, urgency_rank, submitted_at);
CREATE INDEX help_requests_escalation ON help_requests (escalate_at) WHERE escalate_at IS NOT NULL;
CREATE INDEX help_requests_contact_hash ON help_requests (contact_hash, category) WHERE contact_hash IS NOT NULL;

-- Contact details live apart from requests, sealed with AES-GCM, and are erased on schedule.
CREATE TABLE request_contacts (
    request_id    UUID PRIMARY KEY REFERENCES help_requests (id) ON DELETE CASCADE,
    channel       TEXT  NOT NULL,
    key_id        TEXT  NOT NULL,
    nonce         BYTEA NOT NULL,
    ciphertext    BYTEA NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Who decided what: every transition with its actor (coordinator id, volunteer id, "system" or "requester").
CREATE TABLE request_transitions (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id    UUID NOT NULL REFERENCES help_requests (id),
    from_status   TEXT,
    to_status     TEXT NOT NULL,
    actor         TEXT NOT NULL,
    reason        TEXT,
    at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX request_transitions_request ON request_transitions (request_id, id);

-- Partner retries: the same Idempotency-Key from the same client returns the first result.
CREATE TABLE idempotency_keys (
    client_id     TEXT NOT NULL,
    key           TEXT NOT NULL,
    request_id    UUID NOT NULL REFERENCES help_requests (id),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, key)
);
