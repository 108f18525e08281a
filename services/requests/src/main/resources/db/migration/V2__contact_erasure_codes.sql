-- A requester asking to erase their contact now proves it with a one-time code; only its keyed hash is kept.
CREATE TABLE contact_erasure_codes (
    request_id    UUID PRIMARY KEY REFERENCES help_requests (id) ON DELETE CASCADE,
    code_hash     TEXT        NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    attempts      INT         NOT NULL DEFAULT 0
);

-- The erasure job looks for finished requests by when they finished.
CREATE INDEX help_requests_closed_at ON help_requests (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX help_requests_follow_up ON help_requests (follow_up_at) WHERE follow_up_at IS NOT NULL;
