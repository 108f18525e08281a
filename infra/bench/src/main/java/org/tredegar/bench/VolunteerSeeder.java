package org.tredegar.bench;

import com.uber.h3core.H3Core;
import org.tredegar.platform.hub.HubIds;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.Random;
import java.util.UUID;

/**
 * Volunteers loaded straight into the volunteers service's database by SQL (batched JDBC inserts), for the
 * benchmarks that need a large register ({@code search}, {@code volunteers}): homes spread evenly over
 * {@link #AREA} (rounded to ~110 m as the service stores them, H3 cells at resolutions 7 and 5), a third on duty,
 * radius 3–10 km, half drivers, a tenth bilingual; besides, two in five keep weekly windows (weekday daytimes, or
 * evenings and weekends), one in ten a weekly task limit, one in five rest hours — so the matcher reads and checks
 * what real profiles carry. All belong to the {@code tredegar} hub and are marked {@code registered_by = 'bench'}.
 * <p>
 * {@code main} seeds any database by hand (e.g. to EXPLAIN the candidate query):
 * {@code java -cp <bench classpath> org.tredegar.bench.VolunteerSeeder jdbc:postgresql://127.0.0.1:55432/volunteers
 * tredegar tredegar 1000000}.
 */
final class VolunteerSeeder {
    static final String AREA = "50.5–55.5° N, 4.8° W–0.7° E";
    private static final int BATCH = 5000;
    private static final String[] WINDOWS = {
            "[{\"day\":\"monday\",\"from\":\"09:00\",\"to\":\"17:00\"},{\"day\":\"tuesday\",\"from\":\"09:00\",\"to\":\"17:00\"},"
                    + "{\"day\":\"wednesday\",\"from\":\"09:00\",\"to\":\"17:00\"},{\"day\":\"thursday\",\"from\":\"09:00\",\"to\":\"17:00\"},"
                    + "{\"day\":\"friday\",\"from\":\"09:00\",\"to\":\"17:00\"}]",
            "[{\"day\":\"monday\",\"from\":\"18:00\",\"to\":\"22:00\"},{\"day\":\"wednesday\",\"from\":\"18:00\",\"to\":\"22:00\"},"
                    + "{\"day\":\"saturday\",\"from\":\"08:00\",\"to\":\"24:00\"},{\"day\":\"sunday\",\"from\":\"10:00\",\"to\":\"16:00\"}]"};

    private VolunteerSeeder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: VolunteerSeeder <jdbc-url> <user> <password> <volunteers in total> [--tasks]");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            long start = System.nanoTime();
            long added = topUp(c, Integer.parseInt(args[3]));
            if (args.length > 4 && args[4].equals("--tasks")) {
                seedRecentTasks(c);
            }
            analyze(c);
            System.out.printf("added %,d volunteers in %.0f s%n", added, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Adds volunteers until the table holds {@code population}; returns how many were added. */
    static long topUp(Connection c, int population) throws Exception {
        long present = count(c, "SELECT count(*) FROM volunteers");
        if (present >= population) {
            return 0;
        }
        int missing = (int) (population - present);
        // A new seed per top-up: a second top-up must not repeat the first one's homes.
        insert(c, missing, 43 + present);
        return missing;
    }

    /** {@code count} new volunteers as described above, committed every {@value #BATCH} rows. */
    static void insert(Connection c, int count, long seed) throws Exception {
        H3Core h3 = H3Core.newInstance();
        Random random = new Random(seed);
        UUID hub = HubIds.idOf("tredegar");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO volunteers (id, display_name, hub_id, hubs, lat, lon, "
                + "h3_fine, h3_coarse, radius_km, skills, languages, on_duty, availability, max_tasks_per_week, rest_hours, "
                + "registered_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', now(), now())")) {
            for (int i = 0; i < count; i++) {
                double lat = 50.5 + random.nextDouble() * 5.0;
                double lon = -4.8 + random.nextDouble() * 5.5;
                double storedLat = Math.round(lat * 1000) / 1000.0;
                double storedLon = Math.round(lon * 1000) / 1000.0;
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "Bench volunteer " + i);
                insert.setObject(3, hub);
                insert.setString(4, "tredegar");
                insert.setDouble(5, storedLat);
                insert.setDouble(6, storedLon);
                insert.setLong(7, h3.latLngToCell(storedLat, storedLon, 7));
                insert.setLong(8, h3.latLngToCell(storedLat, storedLon, 5));
                insert.setDouble(9, 3 + random.nextInt(8));
                insert.setString(10, random.nextBoolean() ? "driving" : "");
                insert.setString(11, random.nextInt(10) == 0 ? "en,cy" : "en");
                insert.setBoolean(12, random.nextInt(3) == 0);
                int shape = random.nextInt(5);
                insert.setString(13, shape < 2 ? WINDOWS[shape] : "[]");
                insert.setObject(14, random.nextInt(10) == 0 ? 2 + random.nextInt(4) : null, Types.INTEGER);
                insert.setInt(15, random.nextInt(5) == 0 ? 12 : 0);
                insert.addBatch();
                if (i % BATCH == BATCH - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * One in thirty on-duty volunteers did a task in the last six days (the candidate query's lateral join then finds
     * a row). Once per database: a second call finds the first one's offers and does nothing.
     */
    static void seedRecentTasks(Connection c) throws Exception {
        if (count(c, "SELECT count(*) FROM offers WHERE offer_code = 'BENCH1'") > 0) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("""
                    WITH picked AS (
                      SELECT id AS volunteer_id, hub_id, gen_random_uuid() AS request_id, gen_random_uuid() AS offer_id,
                             now() - random() * interval '6 days' AS at
                      FROM volunteers WHERE on_duty AND random() < 1.0 / 30),
                    rounds AS (
                      INSERT INTO match_rounds (request_id, hub_id, category, urgency, status, created_at, updated_at)
                      SELECT request_id, hub_id, 'groceries', 'routine', 'done', at, at FROM picked),
                    offered AS (
                      INSERT INTO offers (id, request_id, volunteer_id, hub_id, category, urgency, distance_km, offer_code,
                                          status, expires_at, created_at, answered_at)
                      SELECT offer_id, request_id, volunteer_id, hub_id, 'groceries', 'routine', 1, 'BENCH1', 'accepted',
                             at + interval '2 hours', at, at FROM picked)
                    INSERT INTO assignments (id, request_id, offer_id, volunteer_id, hub_id, status, accepted_at, completed_at)
                    SELECT gen_random_uuid(), request_id, offer_id, volunteer_id, hub_id, 'completed', at, at + interval '1 hour'
                    FROM picked""");
        }
    }

    /**
     * VACUUM (not only ANALYZE) after a bulk load: it sets the visibility map, which index-only scans of the
     * candidate index need to skip the heap — as autovacuum would do in time on a live register.
     */
    static void analyze(Connection c) throws Exception {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE volunteers");
            s.execute("VACUUM ANALYZE assignments");
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
