-- Sign-up without an account: a phone number or email proven by a one-time code. Until it is confirmed, the
-- profile waits here; the contact is sealed with AES-GCM (associated data: the sign-up id) and found again by its
-- keyed hash (the same hash as volunteer_contacts.lookup_hash, so a confirmed contact that already belongs to a
-- volunteer is recognised). On confirmation the profile, the sealed contact and the hash are wiped: what stays is
-- which volunteer the sign-up became, so confirming twice gives the same answer.
CREATE TABLE volunteer_sign_ups (
    id            UUID PRIMARY KEY,
    -- The home hub (first of the profile's hubs): whose audit trail records code reads.
    hub_id        UUID NOT NULL,
    -- The profile as sent (JSON; home already rounded to ~110 m, no contact). NULL once confirmed.
    profile       TEXT,
    channel       TEXT NOT NULL,
    key_id        TEXT,
    nonce         BYTEA,
    ciphertext    BYTEA,
    -- One open sign-up per contact: a second sign-up replaces the first one's code. NULL once confirmed.
    lookup_hash   TEXT UNIQUE,
    -- The language the code is sent in.
    language      TEXT NOT NULL,
    -- pending | locked (too many wrong codes; a new sign-up unlocks it with a new code) | confirmed
    status        TEXT NOT NULL,
    -- Wrong codes against the current code.
    attempts      INT NOT NULL DEFAULT 0,
    -- Codes made since the sign-up was (re)opened: a cap, so nobody can have endless fresh codes sent.
    codes_issued  INT NOT NULL DEFAULT 0,
    -- When the current code stops working; the whole sign-up is forgotten a while after.
    expires_at    TIMESTAMPTZ NOT NULL,
    volunteer_id  UUID,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX volunteer_sign_ups_expiry ON volunteer_sign_ups (expires_at);

-- One-time codes: the keyed hash to check an answer against, and — only until it is used, replaced or expired —
-- the code sealed with AES-GCM (associated data: the code id) so the notifications service can fetch and send it.
CREATE TABLE one_time_codes (
    id          UUID PRIMARY KEY,
    sign_up_id  UUID NOT NULL REFERENCES volunteer_sign_ups (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL,
    code_hash   TEXT NOT NULL,
    key_id      TEXT,
    nonce       BYTEA,
    ciphertext  BYTEA,
    -- pending | used | replaced | locked   (an expired code is a pending one past expires_at)
    status      TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
-- At most one code per sign-up can be answered.
CREATE UNIQUE INDEX one_time_codes_one_pending ON one_time_codes (sign_up_id) WHERE status = 'pending';
CREATE INDEX one_time_codes_sign_up ON one_time_codes (sign_up_id);
-- The cleanup job finds sealed codes past their expiry.
CREATE INDEX one_time_codes_sealed_expiry ON one_time_codes (expires_at) WHERE ciphertext IS NOT NULL;
