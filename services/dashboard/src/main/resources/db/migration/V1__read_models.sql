-- Read models of the dashboard, built only from events (rebuildable: see README "Rebuild").
-- Every row holds facts with their times; handlers merge with GREATEST/LEAST/last-writer-wins on the event's own
-- time, so the same events in any order, or twice, leave the same rows. Counts are derived from rows, never kept.

-- One row per request: the time each lifecycle step was last (or first) seen.
CREATE TABLE request_state (
    request_id            UUID PRIMARY KEY,
    hub_id                UUID        NOT NULL,
    area                  TEXT,
    category              TEXT,
    urgency               TEXT,
    -- category/urgency are last-writer-wins on (class_at, class_rank): triage beats escalation beats submission.
    class_at              TIMESTAMPTZ,
    class_rank            INT         NOT NULL DEFAULT 0,
    submitted_at          TIMESTAMPTZ,
    triaged_at            TIMESTAMPTZ,
    first_matched_at      TIMESTAMPTZ,
    matched_at            TIMESTAMPTZ,
    released_at           TIMESTAMPTZ,
    in_progress_at        TIMESTAMPTZ,
    fulfilled_at          TIMESTAMPTZ,
    cancelled_at          TIMESTAMPTZ,
    closed_at             TIMESTAMPTZ,
    reopened_at           TIMESTAMPTZ,
    holder_id             UUID,
    holder_at             TIMESTAMPTZ,
    escalation_level      INT         NOT NULL DEFAULT 0,
    escalated_at          TIMESTAMPTZ,
    reservation_failed_at TIMESTAMPTZ
);
CREATE INDEX request_state_hub ON request_state (hub_id);

-- The status is the step seen last; ties go to the step further along.
CREATE VIEW request_view AS
SELECT r.*,
       CASE GREATEST(submitted_at, triaged_at, matched_at, released_at, in_progress_at, fulfilled_at, cancelled_at,
                     closed_at, reopened_at)
           WHEN closed_at THEN 'closed'
           WHEN cancelled_at THEN 'cancelled'
           WHEN fulfilled_at THEN 'fulfilled'
           WHEN in_progress_at THEN 'in-progress'
           WHEN matched_at THEN 'matched'
           WHEN triaged_at THEN 'triaged'
           ELSE 'submitted'
       END AS status
FROM request_state r;

-- What a request asked for (demand side of "supply vs demand").
CREATE TABLE request_item (
    request_id  UUID NOT NULL,
    item        TEXT NOT NULL,
    hub_id      UUID NOT NULL,
    quantity    INT  NOT NULL,
    PRIMARY KEY (request_id, item)
);

CREATE TABLE volunteer_state (
    volunteer_id  UUID PRIMARY KEY,
    hub_id        UUID NOT NULL,
    registered_at TIMESTAMPTZ,
    on_duty       BOOLEAN NOT NULL DEFAULT FALSE,
    duty_at       TIMESTAMPTZ
);
CREATE INDEX volunteer_state_hub ON volunteer_state (hub_id);

-- A volunteer who took, started or finished a task on a day (public "volunteers active").
CREATE TABLE volunteer_activity (
    volunteer_id UUID NOT NULL,
    hub_id       UUID NOT NULL,
    day          DATE NOT NULL,
    PRIMARY KEY (volunteer_id, hub_id, day)
);

CREATE TABLE offer_state (
    offer_id     UUID PRIMARY KEY,
    request_id   UUID NOT NULL,
    hub_id       UUID NOT NULL,
    volunteer_id UUID NOT NULL,
    made_at      TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ,
    answered_at  TIMESTAMPTZ,
    outcome      TEXT
);
CREATE INDEX offer_state_hub ON offer_state (hub_id);

-- Stock: a LowStock report anchors (available, minimum); movements after it adjust the estimate.
CREATE TABLE stock_report (
    location_id UUID NOT NULL,
    item        TEXT NOT NULL,
    hub_id      UUID NOT NULL,
    available   INT  NOT NULL,
    minimum     INT  NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (location_id, item)
);
CREATE TABLE stock_movement (
    movement_id TEXT PRIMARY KEY,
    location_id UUID NOT NULL,
    item        TEXT NOT NULL,
    hub_id      UUID NOT NULL,
    delta       INT  NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE reservation_line (
    reservation_id UUID NOT NULL,
    location_id    UUID NOT NULL,
    item           TEXT NOT NULL,
    hub_id         UUID NOT NULL,
    request_id     UUID NOT NULL,
    quantity       INT  NOT NULL,
    reserved_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (reservation_id, location_id, item)
);
CREATE TABLE reservation_release (
    reservation_id UUID PRIMARY KEY,
    released_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE delivery_state (
    delivery_id  UUID PRIMARY KEY,
    request_id   UUID NOT NULL,
    hub_id       UUID NOT NULL,
    scheduled_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    failed_at    TIMESTAMPTZ,
    reason       TEXT
);
CREATE INDEX delivery_state_hub ON delivery_state (hub_id);

CREATE TABLE notification_outcome (
    notification_id UUID PRIMARY KEY,
    hub_id          UUID NOT NULL,
    kind            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_outcome_hub ON notification_outcome (hub_id, occurred_at);

CREATE TABLE escalation (
    request_id  UUID NOT NULL,
    level       INT  NOT NULL,
    hub_id      UUID NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, level)
);

-- Known event types the dashboard does not use: counted, not an error (the inbox already ran each id once).
CREATE TABLE ignored_event (
    event_type TEXT PRIMARY KEY,
    events     BIGINT NOT NULL,
    last_at    TIMESTAMPTZ NOT NULL
);

-- Operational, not a read model: events received live per topic and minute (event rate, staleness).
-- A rebuild keeps it, and replayed events are not counted in it.
CREATE TABLE topic_activity (
    topic       TEXT        NOT NULL,
    minute      TIMESTAMPTZ NOT NULL,
    events      INT         NOT NULL,
    last_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (topic, minute)
);
