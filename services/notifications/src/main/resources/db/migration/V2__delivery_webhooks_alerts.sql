-- Delivery state of a notification. The row is the intent (written before any send); these columns carry it
-- through pending/held -> sending -> sent | failed | skipped | suppressed. Still no contact details: params are the
-- template's values (category, offer code ...), reply_hash is a keyed hash of the number an offer went to, so a
-- reply by SMS can be matched without keeping the number.
ALTER TABLE notifications
    ADD COLUMN subject_ref      UUID,
    ADD COLUMN params           TEXT        NOT NULL DEFAULT '{}',
    ADD COLUMN channel          TEXT,
    ADD COLUMN attempts         INT         NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN claimed_at       TIMESTAMPTZ,
    ADD COLUMN in_doubt         BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN provider_ref     TEXT,
    ADD COLUMN delivery_status  TEXT,
    ADD COLUMN reason           TEXT,
    ADD COLUMN sent_at          TIMESTAMPTZ,
    ADD COLUMN reply_hash       TEXT,
    ADD COLUMN answer           TEXT;
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status IN ('pending', 'held');
CREATE INDEX notifications_sending ON notifications (claimed_at) WHERE status = 'sending';
CREATE INDEX notifications_recent ON notifications (recipient_type, recipient_ref, kind, created_at);
CREATE INDEX notifications_provider_ref ON notifications (provider_ref) WHERE provider_ref IS NOT NULL;
CREATE INDEX notifications_reply ON notifications (reply_hash, sent_at) WHERE reply_hash IS NOT NULL;

-- How each requester asked to be reached (the channel's name only, never the address), from RequestSubmitted:
-- RequestMatched/RequestFulfilled/FollowUpDue do not say, and "none" must mean no message at all.
CREATE TABLE requester_channels (
    request_id  UUID PRIMARY KEY,
    hub_id      UUID NOT NULL,
    channel     TEXT NOT NULL,
    language    TEXT NOT NULL
);

-- Partner webhooks. The signing secret is sealed with the contact keys (AES-GCM), never stored in clear.
CREATE TABLE subscriptions (
    id                    UUID PRIMARY KEY,
    partner               TEXT        NOT NULL,
    url                   TEXT        NOT NULL,
    event_types           TEXT        NOT NULL,
    hub_ids               TEXT        NOT NULL,
    secret_key_id         TEXT        NOT NULL,
    secret_nonce          BYTEA       NOT NULL,
    secret_ciphertext     BYTEA       NOT NULL,
    status                TEXT        NOT NULL,
    status_reason         TEXT,
    consecutive_failures  INT         NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscriptions_active ON subscriptions (status);

-- One delivery per (subscription, event); its attempts are kept one row each.
CREATE TABLE webhook_deliveries (
    id               UUID PRIMARY KEY,
    subscription_id  UUID        NOT NULL REFERENCES subscriptions (id),
    event_id         TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    give_up_at       TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_attempts (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      UUID        NOT NULL REFERENCES webhook_deliveries (id),
    subscription_id  UUID        NOT NULL,
    attempt          INT         NOT NULL,
    attempted_at     TIMESTAMPTZ NOT NULL,
    status_code      INT,
    outcome          TEXT        NOT NULL,
    error            TEXT,
    duration_ms      BIGINT      NOT NULL,
    next_attempt_at  TIMESTAMPTZ
);
CREATE INDEX webhook_attempts_subscription ON webhook_attempts (subscription_id, id);

-- Public alerts (CAP 1.2), published by a hub's coordinators.
CREATE TABLE alerts (
    id           UUID PRIMARY KEY,
    hub_id       UUID        NOT NULL,
    hub_slug     TEXT        NOT NULL,
    sender       TEXT        NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL,
    headline     TEXT        NOT NULL,
    description  TEXT        NOT NULL,
    instruction  TEXT,
    severity     TEXT        NOT NULL,
    urgency      TEXT        NOT NULL,
    certainty    TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ,
    seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE INDEX alerts_feed ON alerts (seq DESC);
