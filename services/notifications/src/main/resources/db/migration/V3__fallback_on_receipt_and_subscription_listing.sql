-- A delivery receipt that says an SMS failed moves the notification on to the next channel of the recipient's
-- fallback chain: the channels already reported as not delivered are remembered here (names only, e.g. "sms").
ALTER TABLE notifications ADD COLUMN failed_channels TEXT;

-- Subscriptions are listed in a stable order with an opaque cursor (seq), and deleted softly: a deleted
-- subscription is gone from the API and gets no more deliveries, its sealed secret is wiped, and the rows of its
-- past deliveries keep pointing at it.
ALTER TABLE subscriptions
    ADD COLUMN seq         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    ADD COLUMN deleted_at  TIMESTAMPTZ;
CREATE INDEX subscriptions_listing ON subscriptions (seq) WHERE deleted_at IS NULL;
