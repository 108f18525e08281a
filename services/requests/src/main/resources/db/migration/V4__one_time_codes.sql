-- One-time codes sent to the person behind a request (today: to confirm erasing their contact). The code is kept
-- sealed with AES-GCM (key id per row, the code id bound in as associated data) only until it is used, replaced,
-- voided or expired, so notifications can fetch and deliver it; then the sealed columns are wiped and the row
-- stays, without secrets, so a late fetch learns that the code is gone (410) rather than unknown (404).
-- contact_erasure_codes keeps the keyed hash that checks what the person sends back.
CREATE TABLE one_time_codes (
    code_id       UUID PRIMARY KEY,
    request_id    UUID        NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    purpose       TEXT        NOT NULL,
    key_id        TEXT,
    nonce         BYTEA,
    sealed_code   BYTEA,
    expires_at    TIMESTAMPTZ NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_at      TIMESTAMPTZ,
    CHECK ((sealed_code IS NULL) = (ended_at IS NOT NULL))
);
CREATE INDEX one_time_codes_request ON one_time_codes (request_id) WHERE ended_at IS NULL;
CREATE INDEX one_time_codes_expiry ON one_time_codes (expires_at);
