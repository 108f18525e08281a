-- Shared by every service (each in its own database). Platform migrations use versions 0.x; a service's own
-- start at 1. Services run Flyway with out-of-order on, so a later platform migration still applies.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
CREATE TABLE outbox (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    message_key   TEXT        NOT NULL,
    type          TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    payload       TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    published_at  TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Wakes the relay as soon as a transaction with events commits (notifications are delivered on commit only).
CREATE FUNCTION outbox_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('tredegar_outbox', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Idempotent consumers: the CloudEvent id is recorded in the same transaction as the consumer's own write.
CREATE TABLE processed_events (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_events_age ON processed_events (processed_at);
