-- A notification is recorded (as an intent) before anything is sent, so a crash between send and commit can be
-- recognised and never sends twice. Recipients are referenced by role and id only: contact details are fetched
-- from the owning service at send time and never stored here.
CREATE TABLE notifications (
    id                  UUID PRIMARY KEY,
    hub_id              UUID NOT NULL,
    kind                TEXT NOT NULL,
    recipient_type      TEXT NOT NULL,
    recipient_ref       UUID NOT NULL,
    language            TEXT NOT NULL,
    urgent              BOOLEAN NOT NULL DEFAULT FALSE,
    status              TEXT NOT NULL,
    causation_event_id  TEXT NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (causation_event_id, recipient_type, recipient_ref, kind)
);
CREATE INDEX notifications_pending ON notifications (status, created_at);
