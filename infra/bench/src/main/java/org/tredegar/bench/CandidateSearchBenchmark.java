package org.tredegar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.testing.Launcher;
import org.tredegar.testing.SharedInfra;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 5's matching target on its own: candidate search (the H3 k-ring index query and the matcher) with a million
 * volunteers in the database, timed in-process, without Kafka, the consumer or the offers it leads to.
 * <p>
 * The bench does not depend on the volunteers module, so the service's own classes are loaded from its packaged jar:
 * {@code SpatialIndex.cover} (the cells), {@code CandidateQuery.sql} (the exact text the service runs),
 * {@code CandidateQuery.snapshot} (its row mapping) and {@code Matcher.rank}. The query runs over JDBC with unnamed
 * statements ({@code prepareThreshold=0}), as the service's reactive client runs it (no prepared-statement cache),
 * so PostgreSQL plans each search for its own cells.
 */
final class CandidateSearchBenchmark {
    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");
    /** The service's defaults (README, Configuration): search distance, ranking band, rows read per search. */
    static final double SEARCH_KM = 10;
    static final double BAND_KM = 2;
    static final int MAX_CANDIDATES = 2000;

    private CandidateSearchBenchmark() {
    }

    static String run(Platform platform) throws Exception {
        if (!platform.ports.containsKey("volunteers")) {
            platform.start("volunteers", java.util.Map.of()); // its migrations make the schema
        }
        int population = Integer.getInteger("bench.volunteers", 1_000_000);
        int warmUp = Integer.getInteger("bench.search.warmup", 1000);
        int searches = Integer.getInteger("bench.search.searches", 5000);
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        double loadSeconds = 0;
        long loaded;
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("volunteers"), pg.user(), pg.password())) {
            loaded = count(c, "SELECT count(*) FROM volunteers");
            if (loaded < population) {
                long start = System.nanoTime();
                load(c, (int) (population - loaded));
                loadSeconds = (System.nanoTime() - start) / 1e9;
            }
            seedRecentTasks(c);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE volunteers");
                s.execute("VACUUM ANALYZE assignments");
            }
        }

        ServiceCode service = ServiceCode.load();
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        props.setProperty("password", pg.password());
        props.setProperty("prepareThreshold", "0");
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("volunteers"), props)) {
            Stats stats = new Stats(c, service);
            Random random = new Random(5);
            for (int i = 0; i < warmUp; i++) {
                stats.search(random, false);
            }
            for (int i = 0; i < searches; i++) {
                stats.search(random, true);
            }
            System.out.println(stats.explain(new Random(11)));
            long total = count(c, "SELECT count(*) FROM volunteers");
            long onDuty = count(c, "SELECT count(*) FROM volunteers WHERE on_duty");
            long withWindows = count(c, "SELECT count(*) FROM volunteers WHERE availability <> '[]'");
            long tasks = count(c, "SELECT count(*) FROM assignments WHERE accepted_at > now() - interval '7 days'");
            return String.format(Locale.ROOT, """
                    ### Volunteers: candidate search alone (issue 5)

                    %,d volunteers in the database (%,d on duty; %,d with weekly windows; %,d tasks in the last 7 days;
                    homes spread evenly over %s)%s. Each search is one request at a random point of that area,
                    %.0f km search distance (the default), groceries or (1 in 4) transport, language en: the service's own
                    `SpatialIndex.cover` cells, the exact SQL of `CandidateSearch` (`CandidateQuery.sql`) over JDBC
                    (unnamed statements, planned per search like the service's), its row mapping, and `Matcher.rank`
                    in-process — no Kafka, no offers written. %,d searches after %,d warm-up searches, one at a time.

                    | figure | value |
                    |---|---|
                    | search (cells + query + matcher), p50 / p95 / p99 / max | %s |
                    | of which the cells (`SpatialIndex.cover`), p50 / p95 / p99 | %s |
                    | of which the query (execute + fetch), p50 / p95 / p99 | %s |
                    | of which the matcher (row mapping + filter + rank), p50 / p95 / p99 | %s |
                    | H3 cells per search (avg) / on-duty volunteers in reach returned (avg, max) / ranked candidates (avg) | %.0f / %.0f, %d / %.0f |

                    Target from the issue: matching p99 ≤ 10 ms.
                    """, total, onDuty, withWindows, tasks, AREA, loadSeconds > 0
                            ? String.format(Locale.ROOT, "; %,d loaded by SQL in %.0f s", population - loaded, loadSeconds) : "",
                    SEARCH_KM, searches, warmUp, stats.total.summary(true), stats.cells.summary(false), stats.query.summary(false),
                    stats.matcher.summary(false), stats.cellCount / (double) searches, stats.rows / (double) searches,
                    stats.maxRows, stats.ranked / (double) searches);
        }
    }

    static final String AREA = "50.5–55.5° N, 4.8° W–0.7° E";

    /** One search at a time, timed in three parts. */
    static final class Stats {
        final Connection c;
        final ServiceCode service;
        final PreparedStatement fine;
        final PreparedStatement coarse;
        final int[] order;
        final Timings total = new Timings();
        final Timings cells = new Timings();
        final Timings query = new Timings();
        final Timings matcher = new Timings();
        long cellCount;
        long rows;
        int maxRows;
        long ranked;

        Stats(Connection c, ServiceCode service) throws Exception {
            this.c = c;
            this.service = service;
            String fineSql = service.sql("h3_fine");
            this.order = order(fineSql);
            this.fine = c.prepareStatement(jdbc(fineSql));
            this.coarse = c.prepareStatement(jdbc(service.sql("h3_coarse")));
        }

        void search(Random random, boolean measured) throws Exception {
            double lat = 51.0 + random.nextDouble() * 4.0;
            double lon = -4.3 + random.nextDouble() * 4.5;
            HelpCategory category = random.nextInt(4) == 0 ? HelpCategory.TRANSPORT : HelpCategory.GROCERIES;
            Instant now = Instant.now();
            UUID requestId = UUID.randomUUID();

            long t0 = System.nanoTime();
            Object cover = service.cover(lat, lon, SEARCH_KM);
            List<Long> coverCells = service.cells(cover);
            PreparedStatement statement = service.column(cover).equals("h3_fine") ? fine : coarse;
            long tc = System.nanoTime();
            List<Object[]> found = run(statement, coverCells, now, requestId, lat, lon);
            long t1 = System.nanoTime();
            List<Object> snapshots = new ArrayList<>(found.size());
            for (Object[] row : found) {
                snapshots.add(service.snapshot(row));
            }
            Object request = service.request(requestId, lat, lon, SEARCH_KM, category, "en", now);
            List<?> best = service.rank(request, snapshots);
            long t2 = System.nanoTime();
            if (measured) {
                total.add(t2 - t0);
                cells.add(tc - t0);
                query.add(t1 - tc);
                matcher.add(t2 - t1);
                cellCount += coverCells.size();
                rows += found.size();
                maxRows = Math.max(maxRows, found.size());
                ranked += best.size();
            }
        }

        List<Object[]> run(PreparedStatement statement, List<Long> cells, Instant now, UUID requestId, double lat, double lon)
                throws Exception {
            Array array = c.createArrayOf("bigint", cells.toArray(new Long[0]));
            Object[] values = service.parameters(array, now, requestId, lat, lon);
            for (int i = 0; i < order.length; i++) {
                statement.setObject(i + 1, values[order[i]]);
            }
            List<Object[]> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        // Timestamps as the reactive client hands them over; the rest as they come.
                        row[i] = i == columns - 1 ? rs.getObject(i + 1, OffsetDateTime.class) : rs.getObject(i + 1);
                    }
                    found.add(row);
                }
            }
            array.free();
            return found;
        }

        /** The plan of one search, for the console (not the report): which index, how many buffers. */
        String explain(Random random) throws Exception {
            double lat = 51.0 + random.nextDouble() * 4.0;
            double lon = -4.3 + random.nextDouble() * 4.5;
            Object cover = service.cover(lat, lon, SEARCH_KM);
            String sql = service.sql(service.column(cover));
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + jdbc(sql))) {
                Array array = c.createArrayOf("bigint", service.cells(cover).toArray(new Long[0]));
                Object[] values = service.parameters(array, Instant.now(), UUID.randomUUID(), lat, lon);
                for (int i = 0; i < order.length; i++) {
                    explain.setObject(i + 1, values[order[i]]);
                }
                StringBuilder plan = new StringBuilder("candidate query plan (" + service.cells(cover).size() + " cells):\n");
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.append("  ").append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
    }

    /** Nanosecond samples → percentiles in milliseconds. */
    static final class Timings {
        private long[] samples = new long[8192];
        private int size;

        void add(long nanos) {
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, size * 2);
            }
            samples[size++] = nanos;
        }

        String summary(boolean withMax) {
            long[] sorted = Arrays.copyOf(samples, size);
            Arrays.sort(sorted);
            String s = String.format(Locale.ROOT, "%.2f ms / %.2f ms / %.2f ms", LoadDriver.percentile(sorted, 0.5),
                    LoadDriver.percentile(sorted, 0.95), LoadDriver.percentile(sorted, 0.99));
            return withMax ? s + String.format(Locale.ROOT, " / %.2f ms", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6) : s;
        }
    }

    /** For each JDBC "?" in order, which of the service's numbered parameters (?1…?5) it is. */
    static int[] order(String sql) {
        Matcher m = PARAMETER.matcher(sql);
        List<Integer> order = new ArrayList<>();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    static String jdbc(String sql) {
        return PARAMETER.matcher(sql).replaceAll("?");
    }

    /**
     * Volunteers as {@link VolunteersBenchmark} spreads them (a third on duty, radius 3–10 km, half drivers, a tenth
     * bilingual), and besides: two in five keep weekly windows (weekday daytimes, or evenings and weekends), one in
     * ten a weekly task limit, one in five rest hours — so the matcher reads and checks what real profiles carry.
     */
    static void load(Connection c, int count) throws Exception {
        H3Core h3 = H3Core.newInstance();
        Random random = new Random(43);
        String[] windows = {
                "[{\"day\":\"monday\",\"from\":\"09:00\",\"to\":\"17:00\"},{\"day\":\"tuesday\",\"from\":\"09:00\",\"to\":\"17:00\"},"
                        + "{\"day\":\"wednesday\",\"from\":\"09:00\",\"to\":\"17:00\"},{\"day\":\"thursday\",\"from\":\"09:00\",\"to\":\"17:00\"},"
                        + "{\"day\":\"friday\",\"from\":\"09:00\",\"to\":\"17:00\"}]",
                "[{\"day\":\"monday\",\"from\":\"18:00\",\"to\":\"22:00\"},{\"day\":\"wednesday\",\"from\":\"18:00\",\"to\":\"22:00\"},"
                        + "{\"day\":\"saturday\",\"from\":\"08:00\",\"to\":\"24:00\"},{\"day\":\"sunday\",\"from\":\"10:00\",\"to\":\"16:00\"}]"};
        UUID hub = org.tredegar.platform.hub.HubIds.idOf("tredegar");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO volunteers (id, display_name, hub_id, hubs, lat, lon, "
                + "h3_fine, h3_coarse, radius_km, skills, languages, on_duty, availability, max_tasks_per_week, rest_hours, "
                + "registered_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', now(), now())")) {
            for (int i = 0; i < count; i++) {
                double lat = 50.5 + random.nextDouble() * 5.0;
                double lon = -4.8 + random.nextDouble() * 5.5;
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "Bench volunteer " + i);
                insert.setObject(3, hub);
                insert.setString(4, "tredegar");
                // Stored as the service stores a home: rounded to ~110 m, cells of the rounded point.
                double storedLat = Math.round(lat * 1000) / 1000.0;
                double storedLon = Math.round(lon * 1000) / 1000.0;
                insert.setDouble(5, storedLat);
                insert.setDouble(6, storedLon);
                insert.setLong(7, h3.latLngToCell(storedLat, storedLon, 7));
                insert.setLong(8, h3.latLngToCell(storedLat, storedLon, 5));
                insert.setDouble(9, 3 + random.nextInt(8));
                insert.setString(10, random.nextBoolean() ? "driving" : "");
                insert.setString(11, random.nextInt(10) == 0 ? "en,cy" : "en");
                insert.setBoolean(12, random.nextInt(3) == 0);
                int shape = random.nextInt(5);
                insert.setString(13, shape < 2 ? windows[shape] : "[]");
                insert.setObject(14, random.nextInt(10) == 0 ? 2 + random.nextInt(4) : null, java.sql.Types.INTEGER);
                insert.setInt(15, random.nextInt(5) == 0 ? 12 : 0);
                insert.addBatch();
                if (i % 5000 == 4999) {
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

    /** One in thirty on-duty volunteers did a task in the last six days (the lateral join then finds a row). */
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

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The volunteers service's search code, from its packaged jar, called through method handles. */
    static final class ServiceCode {
        final MethodHandle cover;
        final MethodHandle cells;
        final MethodHandle column;
        final MethodHandle sql;
        final MethodHandle snapshot;
        final MethodHandle needs;
        final MethodHandle newRequest;
        final MethodHandle rank;
        final MethodHandle parameters;
        final Object matcher;
        final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        final Set<UUID> hubs = Set.of(org.tredegar.platform.hub.HubIds.idOf("tredegar"));

        private ServiceCode(ClassLoader loader) throws Exception {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            String pkg = "org.tredegar.volunteers.domain.";
            Class<?> spatial = Class.forName(pkg + "SpatialIndex", true, loader);
            Class<?> coverType = Class.forName(pkg + "SpatialIndex$Cover", true, loader);
            Class<?> query = Class.forName(pkg + "CandidateQuery", true, loader);
            Class<?> snapshotType = Class.forName(pkg + "VolunteerSnapshot", true, loader);
            Class<?> needsType = Class.forName(pkg + "CategoryNeeds", true, loader);
            Class<?> requestType = Class.forName(pkg + "MatchRequest", true, loader);
            Class<?> matcherType = Class.forName(pkg + "Matcher", true, loader);
            cover = lookup.findStatic(spatial, "cover", MethodType.methodType(coverType, double.class, double.class, double.class));
            cells = lookup.findVirtual(coverType, "cells", MethodType.methodType(List.class));
            column = lookup.findVirtual(coverType, "column", MethodType.methodType(String.class));
            sql = lookup.findStatic(query, "sql", MethodType.methodType(String.class, String.class));
            snapshot = lookup.findStatic(query, "snapshot", MethodType.methodType(snapshotType, Object[].class, ObjectMapper.class));
            needs = lookup.findStatic(needsType, "of", MethodType.methodType(needsType, HelpCategory.class));
            newRequest = lookup.findConstructor(requestType, MethodType.methodType(void.class, UUID.class, Set.class,
                    double.class, double.class, double.class, needsType, String.class, Instant.class, Instant.class, Instant.class));
            rank = lookup.findVirtual(matcherType, "rank", MethodType.methodType(List.class, requestType, Collection.class));
            MethodHandle newMatcher = lookup.findConstructor(matcherType, MethodType.methodType(void.class, double.class));
            matcher = call(() -> newMatcher.invoke(BAND_KM));
            parameters = lookup.findStatic(query, "parameters", MethodType.methodType(Object[].class, Object.class,
                    Instant.class, UUID.class, int.class, double.class, double.class, double.class));
        }

        static ServiceCode load() throws Exception {
            Path app = Launcher.root().resolve("services/volunteers/target/quarkus-app/app");
            Path jar;
            try (var files = Files.list(app)) {
                jar = files.filter(p -> p.getFileName().toString().startsWith("tredegar-volunteers-")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("package the volunteers service first (mvn install)"));
            }
            return new ServiceCode(new URLClassLoader(new URL[]{jar.toUri().toURL()}, CandidateSearchBenchmark.class.getClassLoader()));
        }

        Object cover(double lat, double lon, double km) {
            return call(() -> cover.invoke(lat, lon, km));
        }

        @SuppressWarnings("unchecked")
        List<Long> cells(Object cover) {
            return (List<Long>) call(() -> cells.invoke(cover));
        }

        String column(Object cover) {
            return (String) call(() -> column.invoke(cover));
        }

        String sql(String column) {
            return (String) call(() -> sql.invoke(column));
        }

        /** The query's parameter values by number, for a search at (lat, lon) with the default distance and cap. */
        Object[] parameters(Object cells, Instant now, UUID requestId, double lat, double lon) {
            return (Object[]) call(() -> parameters.invoke(cells, now, requestId, MAX_CANDIDATES, lat, lon, SEARCH_KM));
        }

        Object snapshot(Object[] row) {
            return call(() -> snapshot.invoke(row, json));
        }

        Object request(UUID id, double lat, double lon, double km, HelpCategory category, String language, Instant now) {
            return call(() -> newRequest.invoke(id, hubs, lat, lon, km, needs.invoke(category), language, now, now, now));
        }

        List<?> rank(Object request, Collection<?> snapshots) {
            return (List<?>) call(() -> rank.invoke(matcher, request, snapshots));
        }

        interface Call {
            Object run() throws Throwable;
        }

        private static Object call(Call call) {
            try {
                return call.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
