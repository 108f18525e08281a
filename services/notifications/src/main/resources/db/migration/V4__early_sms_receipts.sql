-- A delivery receipt can overtake the commit that records its SMS as sent: the provider answers the send and calls
-- back before that transaction ends, so no notification carries the message sid yet. Such a receipt waits here and
-- is applied in the transaction that records the send. Receipts whose sid never turns up are pruned.
CREATE TABLE early_sms_receipts (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_sid     TEXT        NOT NULL,
    message_status  TEXT        NOT NULL,
    error_code      TEXT,
    received_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX early_sms_receipts_sid ON early_sms_receipts (message_sid);
CREATE INDEX early_sms_receipts_received_at ON early_sms_receipts (received_at);
