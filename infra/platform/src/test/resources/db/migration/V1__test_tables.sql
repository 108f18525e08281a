-- What the test consumer does with each event: one row per handled event, in handling order.
CREATE TABLE handled_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    TEXT NOT NULL,
    request_id  UUID NOT NULL,
    note        TEXT
);
