-- The relay is no longer woken by NOTIFY. PostgreSQL serialises every transaction that NOTIFYs through its commit,
-- fsync included (a lock "on database 0" held until the commit is durable), so those commits cannot share an fsync:
-- measured ~320 commits/s with the trigger against ~6,300/s without it on the same disk. The writer now tells the
-- relay in-process that a commit with events is coming (OutboxRelay#commitExpected), see ADR 0002.
DROP TRIGGER IF EXISTS outbox_inserted ON outbox;
DROP FUNCTION IF EXISTS outbox_notify();
