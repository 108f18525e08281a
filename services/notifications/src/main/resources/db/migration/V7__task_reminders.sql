-- When the requester asked for help to happen (RequestSubmitted's time window), so that the volunteer who takes the
-- task is reminded before it. A time only: nothing about the person.
ALTER TABLE requester_channels ADD COLUMN window_from TIMESTAMPTZ;
