-- When the contact or code lookup for a message started failing (our own services or Keycloak down). The outage
-- allowance is counted from here, not from when the message was planned: a message held overnight by quiet hours is
-- already hours old when it is first sent, and must not be given up on after one failed lookup. Cleared once a
-- lookup succeeds.
ALTER TABLE notifications ADD COLUMN lookup_failing_since TIMESTAMPTZ;
