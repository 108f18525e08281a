-- Candidate search as an index-only scan (issue 5: p99 30 ms with 1,000,000 volunteers, target 10 ms).
--
-- Why: the search reads the on-duty volunteers of ~90 H3 cells (~800 rows at 1M volunteers) and keeps only those
-- within reach (~230): the distance test needs lat, lon and radius_km. With the V1 indexes (h3_fine / h3_coarse
-- only) every one of those ~800 rows was a heap fetch, each on its own page (homes are stored in sign-up order, not
-- by place), in a table larger than shared_buffers: ~800 page reads per search, ~85 % of its time.
--
-- These indexes carry every column CandidateQuery.sql reads from `volunteers`, after the key: the distance test
-- runs on the index tuple and the rows of a cell lie next to each other, so a search reads ~150 index pages and
-- no heap page (EXPLAIN: "Index Only Scan … Heap Fetches: 0", as long as the visibility map is current — autovacuum
-- keeps it so; pages changed since its last pass are fetched from the heap as before, so results never differ).
-- Keep the INCLUDE list in step with CandidateQuery.sql: a column the query reads and the index lacks turns the
-- search back into heap reads.
--
-- Cost: ~70 MB per index at 1,000,000 volunteers of whom a third on duty (the V1 ones were ~4 MB); the indexes
-- are partial, so off-duty people cost nothing. The widest profile the API accepts (50 availability windows,
-- 10 hubs, 10 languages, every skill) fits: the long text columns are compressed in the index tuple (~700 bytes,
-- well under the ~2,700-byte limit). Profile changes that touch an included column are no longer HOT updates.
CREATE INDEX volunteers_on_duty_fine_covering ON volunteers (h3_fine)
    INCLUDE (lat, lon, radius_km, id, hubs, skills, verified_skills, languages, availability, timezone,
             max_tasks_per_week, rest_hours)
    WHERE on_duty;
CREATE INDEX volunteers_on_duty_coarse_covering ON volunteers (h3_coarse)
    INCLUDE (lat, lon, radius_km, id, hubs, skills, verified_skills, languages, availability, timezone,
             max_tasks_per_week, rest_hours)
    WHERE on_duty;

-- Same keys and predicate as the covering ones: nothing would choose them any more.
DROP INDEX volunteers_on_duty_fine;
DROP INDEX volunteers_on_duty_coarse;
