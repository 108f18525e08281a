-- Tamper-evident audit per hub: each entry's hash covers the previous entry's hash and the entry itself, so an
-- edited, deleted or reordered row breaks the chain from that point on. Append-only: no UPDATE or DELETE.
CREATE TABLE audit_heads (
    hub_id      UUID PRIMARY KEY,
    last_seq    BIGINT NOT NULL,
    last_hash   TEXT   NOT NULL
);

CREATE TABLE audit_log (
    hub_id      UUID        NOT NULL,
    seq         BIGINT      NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    subject_id  TEXT        NOT NULL,
    detail      TEXT        NOT NULL DEFAULT '',
    prev_hash   TEXT        NOT NULL,
    hash        TEXT        NOT NULL,
    PRIMARY KEY (hub_id, seq)
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
