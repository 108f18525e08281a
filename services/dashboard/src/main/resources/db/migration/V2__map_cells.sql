-- The operator map: where a request is (the approximate point of RequestSubmitted, ~110 m) and a volunteer's home
-- cell (VolunteerRegistered, latest registration wins). Rows from before this migration have none until a rebuild
-- (POST /api/v1/admin/rebuild) replays the topics.
ALTER TABLE request_state ADD COLUMN lat DOUBLE PRECISION, ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE volunteer_state ADD COLUMN home_lat DOUBLE PRECISION, ADD COLUMN home_lon DOUBLE PRECISION,
    ADD COLUMN home_at TIMESTAMPTZ;

-- request_view lists request_state's columns as they were when it was made: make it again to include the new ones.
DROP VIEW request_view;
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
