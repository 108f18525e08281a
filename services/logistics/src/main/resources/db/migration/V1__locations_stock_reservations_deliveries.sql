-- Logistics owns where things are kept, how many there are, what is set aside for whom, and who carries it.
-- Items are identified by the contract slugs (ItemSlug); the catalogue (unit, expires) lives in code.

CREATE TABLE stock_locations (
    id              UUID PRIMARY KEY,
    hub_id          UUID NOT NULL,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    lat             DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon             DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
    opening_hours   TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX stock_locations_hub ON stock_locations (hub_id, name, id);

-- A donation as it arrived. The donor note is kept for thanks and records only: allocation never reads this
-- table (solidarity, not charity: a donor has no say over who receives).
CREATE TABLE receipts (
    id              UUID PRIMARY KEY,
    location_id     UUID NOT NULL REFERENCES stock_locations (id),
    donor           TEXT,
    received_by     TEXT NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL
);

-- One lot: a quantity of one item at one location with one expiry date. The CHECKs are the last line against
-- overselling: whatever the code does, no transaction can commit negative stock or more reserved than on hand.
CREATE TABLE stock_lots (
    id              UUID PRIMARY KEY,
    location_id     UUID NOT NULL REFERENCES stock_locations (id),
    item            TEXT NOT NULL,
    lot_code        TEXT,
    expires_on      DATE,
    on_hand         INT  NOT NULL,
    reserved        INT  NOT NULL DEFAULT 0,
    receipt_id      UUID REFERENCES receipts (id),
    received_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT stock_lots_on_hand_not_negative CHECK (on_hand >= 0),
    CONSTRAINT stock_lots_reserved_not_negative CHECK (reserved >= 0),
    CONSTRAINT stock_lots_reserved_within_on_hand CHECK (reserved <= on_hand)
);
CREATE INDEX stock_lots_fefo ON stock_lots (location_id, item, expires_on NULLS LAST, received_at, id);

-- Minimum level per item and location; `low` remembers that LowStock was sent for the current dip, so it is sent
-- once per crossing and re-armed when stock is back at or above the minimum.
CREATE TABLE stock_minimums (
    location_id     UUID NOT NULL REFERENCES stock_locations (id),
    item            TEXT NOT NULL,
    minimum         INT  NOT NULL CHECK (minimum >= 0),
    low             BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (location_id, item)
);

-- What a request needs and what was set aside for it. One per request (the saga's state).
-- status: awaiting-request (an offer was accepted before the request arrived), reserved, failed (waiting for
-- stock), released, issued (picked up), delivered.
CREATE TABLE reservations (
    id              UUID PRIMARY KEY,
    request_id      UUID NOT NULL UNIQUE,
    hub_id          UUID NOT NULL,
    status          TEXT NOT NULL,
    -- JSON [{"item": "...", "quantity": n}]: what the request asked for / what is still missing.
    needed          TEXT NOT NULL DEFAULT '[]',
    missing         TEXT NOT NULL DEFAULT '[]',
    -- The request's approximate point (3 decimals, as the event carries it), never an address.
    dest_lat        DOUBLE PRECISION,
    dest_lon        DOUBLE PRECISION,
    area            TEXT,
    window_from     TIMESTAMPTZ,
    window_to       TIMESTAMPTZ,
    volunteer_id    UUID,
    assignment_id   UUID,
    -- False once the request was cancelled or closed: stock coming back from a failed trip is then freed.
    request_open    BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    version         INT NOT NULL DEFAULT 0
);
CREATE INDEX reservations_waiting ON reservations (hub_id, created_at) WHERE status = 'failed';

CREATE TABLE reservation_lines (
    id              UUID PRIMARY KEY,
    reservation_id  UUID NOT NULL REFERENCES reservations (id),
    lot_id          UUID NOT NULL REFERENCES stock_lots (id),
    location_id     UUID NOT NULL REFERENCES stock_locations (id),
    item            TEXT NOT NULL,
    quantity        INT  NOT NULL CHECK (quantity > 0),
    -- reserved → issued (picked up) → delivered; or released.
    state           TEXT NOT NULL
);
CREATE INDEX reservation_lines_reservation ON reservation_lines (reservation_id);

-- One trip from one pickup location to the request's area.
CREATE TABLE deliveries (
    id                  UUID PRIMARY KEY,
    reservation_id      UUID NOT NULL REFERENCES reservations (id),
    request_id          UUID NOT NULL,
    hub_id              UUID NOT NULL,
    pickup_location_id  UUID NOT NULL REFERENCES stock_locations (id),
    volunteer_id        UUID NOT NULL,
    assignment_id       UUID,
    -- scheduled → picked-up → delivered; scheduled|picked-up → failed; scheduled → cancelled
    status              TEXT NOT NULL,
    dest_lat            DOUBLE PRECISION,
    dest_lon            DOUBLE PRECISION,
    area                TEXT,
    window_from         TIMESTAMPTZ NOT NULL,
    window_to           TIMESTAMPTZ NOT NULL,
    failure_reason      TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    picked_up_at        TIMESTAMPTZ,
    finished_at         TIMESTAMPTZ,
    version             INT NOT NULL DEFAULT 0
);
CREATE INDEX deliveries_day ON deliveries (hub_id, window_from);
CREATE INDEX deliveries_request ON deliveries (request_id);
