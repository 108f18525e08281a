-- Inbound texts: notifications owns the hub numbers' webhook (ADR 0010), so it must know who a number is.
-- reply_hash (a keyed hash of the number) is now kept for every message sent by SMS, not only offers: a text back
-- to the hub is matched to the volunteer or requester it last wrote to.
CREATE INDEX notifications_reply_recipient ON notifications (reply_hash, recipient_type, sent_at) WHERE reply_hash IS NOT NULL;

-- Numbers that texted STOP. Nothing is sent to them by SMS until they text START. Keyed hash only, never the number.
CREATE TABLE sms_opt_outs (
    lookup_hash     TEXT PRIMARY KEY,
    opted_out_at    TIMESTAMPTZ NOT NULL
);

-- A running task's masked relay: while it is open, the volunteer's and the requester's texts to the hub number are
-- passed to each other from the hub's number, so neither sees the other's. Closed when the task ends. No text and no
-- number is stored here: each side is reached through its owning service at send time.
CREATE TABLE task_relays (
    assignment_id   UUID PRIMARY KEY,
    request_id      UUID NOT NULL,
    hub_id          UUID NOT NULL,
    volunteer_id    UUID NOT NULL,
    opened_at       TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ
);
CREATE INDEX task_relays_open_by_volunteer ON task_relays (volunteer_id) WHERE closed_at IS NULL;
CREATE INDEX task_relays_open_by_request ON task_relays (request_id) WHERE closed_at IS NULL;
