-- Each hub may have its own SMS number (E.164); the notifications service owns the provider's inbound webhook and
-- hands on texts from people asking for help with the number they were sent to, which names the hub.
ALTER TABLE hubs ADD COLUMN sms_number TEXT UNIQUE CHECK (sms_number ~ '^\+[1-9][0-9]{6,14}$');

-- A conversation by text that is not a request yet: at most two questions (what is needed, where), then it is
-- submitted through the normal intake. One row per phone number, found by the keyed hash of the number (as
-- help_requests.contact_hash); the number itself is sealed like request_contacts (AES-GCM, key id per row) only until
-- the request exists. After that the row keeps no text, place or number, only what stops a repeated first text
-- from opening a second request (keyed hash of that text, the request), and is forgotten a day later.
CREATE TABLE sms_intakes (
    contact_hash    TEXT PRIMARY KEY,
    hub_id          UUID        NOT NULL REFERENCES hubs (id),
    -- asked-what, asked-where, submitting (request id and tracking code chosen, being written), submitted
    step            TEXT        NOT NULL,
    language        TEXT        NOT NULL,
    description     TEXT        NOT NULL,
    category        TEXT,
    area            TEXT,
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    -- unclear answers to the current question (the second one moves on)
    unclear         INT         NOT NULL DEFAULT 0,
    first_text_hash TEXT        NOT NULL,
    last_text_hash  TEXT        NOT NULL,
    key_id          TEXT,
    nonce           BYTEA,
    ciphertext      BYTEA,
    request_id      UUID,
    tracking_code   TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    CHECK ((step IN ('submitting', 'submitted')) = (request_id IS NOT NULL))
);
CREATE INDEX sms_intakes_unfinished ON sms_intakes (updated_at) WHERE step <> 'submitted';
CREATE INDEX sms_intakes_submitted ON sms_intakes (submitted_at) WHERE step = 'submitted';

-- The provider's message ids already handled, with the answer given: the same text handed on again (a provider or
-- notifications retry) gets the same answer and changes nothing. Kept two days.
CREATE TABLE sms_messages (
    message_id    TEXT PRIMARY KEY,
    hub_id        UUID        NOT NULL,
    outcome       TEXT        NOT NULL,
    request_id    UUID,
    tracking_code TEXT,
    language      TEXT        NOT NULL,
    -- the category slugs offered with asked-what, comma-separated; empty otherwise
    choices       TEXT        NOT NULL DEFAULT '',
    handled_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sms_messages_handled_at ON sms_messages (handled_at);
CREATE INDEX sms_messages_request ON sms_messages (request_id) WHERE request_id IS NOT NULL;
