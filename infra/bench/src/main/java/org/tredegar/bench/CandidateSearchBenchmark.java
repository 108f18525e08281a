package org.tredegar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.SharedInfra;
import org.tredegar.volunteers.domain.CategoryNeeds;
import org.tredegar.volunteers.domain.MatchRequest;
import org.tredegar.volunteers.domain.SpatialIndex;
import org.tredegar.volunteers.domain.VolunteerSnapshot;
import org.tredegar.volunteers.persistence.CandidateQuery;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The service's own code does the work, called as it is (the volunteers module's plain jar, without Quarkus):
 * {@code SpatialIndex.cover} (the cells), {@code CandidateQuery.sql} (the exact text the service runs),
 * {@code CandidateQuery.snapshot} (its row mapping) and {@code Matcher.rank}. The query runs over JDBC as a named
 * server-side prepared statement from its first use ({@code prepareThreshold=1}), as the service's reactive client
 * runs it ({@code quarkus.datasource.reactive.cache-prepared-statements=true}): PostgreSQL's plan cache then settles
 * on one generic plan instead of planning each search for its own cells. {@code -Dbench.search.unprepared=true}
 * plans every search instead (unnamed statements, as the service did before).
 */
final class CandidateSearchBenchmark {
    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");
    /** The service's defaults (README, Configuration): search distance, ranking band, rows read per search. */
    static final double SEARCH_KM = 10;
    static final double BAND_KM = 2;
    static final int MAX_CANDIDATES = 2000;
    /** Every volunteer the seeder makes is of this hub, as every request is. */
    static final Set<UUID> HUBS = Set.of(HubIds.idOf("tredegar"));

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
            long start = System.nanoTime();
            VolunteerSeeder.topUp(c, population);
            loadSeconds = loaded < population ? (System.nanoTime() - start) / 1e9 : 0;
            VolunteerSeeder.seedRecentTasks(c);
            VolunteerSeeder.analyze(c);
        }

        Properties props = new Properties();
        props.setProperty("user", pg.user());
        props.setProperty("password", pg.password());
        props.setProperty("prepareThreshold", Boolean.getBoolean("bench.search.unprepared") ? "0" : "1");
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("volunteers"), props)) {
            Stats stats = new Stats(c);
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
                    (%s), its row mapping, and `Matcher.rank`
                    in-process — no Kafka, no offers written. %,d searches after %,d warm-up searches, one at a time.
                    %s

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
                    SEARCH_KM, Boolean.getBoolean("bench.search.unprepared")
                            ? "unnamed statements, planned per search" : "a prepared statement reused, as the service's",
                    searches, warmUp, stats.planShape, stats.total.summary(true), stats.cells.summary(false), stats.query.summary(false),
                    stats.matcher.summary(false), stats.cellCount / (double) searches, stats.rows / (double) searches,
                    stats.maxRows, stats.ranked / (double) searches);
        }
    }

    static final String AREA = VolunteerSeeder.AREA;

    /** One search at a time, timed in three parts. */
    static final class Stats {
        final Connection c;
        final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        /** The service's ranking with its default distance band. */
        final org.tredegar.volunteers.domain.Matcher ranking = new org.tredegar.volunteers.domain.Matcher(BAND_KM);
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
        String planShape = "";

        Stats(Connection c) throws Exception {
            this.c = c;
            String fineSql = CandidateQuery.sql("h3_fine");
            this.order = order(fineSql);
            this.fine = c.prepareStatement(jdbc(fineSql));
            this.coarse = c.prepareStatement(jdbc(CandidateQuery.sql("h3_coarse")));
        }

        void search(Random random, boolean measured) throws Exception {
            double lat = 51.0 + random.nextDouble() * 4.0;
            double lon = -4.3 + random.nextDouble() * 4.5;
            HelpCategory category = random.nextInt(4) == 0 ? HelpCategory.TRANSPORT : HelpCategory.GROCERIES;
            Instant now = Instant.now();
            UUID requestId = UUID.randomUUID();

            long t0 = System.nanoTime();
            SpatialIndex.Cover cover = SpatialIndex.cover(lat, lon, SEARCH_KM);
            List<Long> coverCells = cover.cells();
            PreparedStatement statement = cover.fine() ? fine : coarse;
            long tc = System.nanoTime();
            List<Object[]> found = run(statement, coverCells, now, requestId, lat, lon);
            long t1 = System.nanoTime();
            List<VolunteerSnapshot> snapshots = new ArrayList<>(found.size());
            for (Object[] row : found) {
                snapshots.add(CandidateQuery.snapshot(row, json));
            }
            MatchRequest request = new MatchRequest(requestId, HUBS, lat, lon, SEARCH_KM, CategoryNeeds.of(category), "en",
                    now, now, now);
            List<org.tredegar.volunteers.domain.Matcher.Ranked> best = ranking.rank(request, snapshots);
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
            bind(statement, array, now, requestId, lat, lon);
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

        /**
         * The plan of one search, in full for the console; its shape (the scan on volunteers, heap fetches, buffers)
         * also goes to {@link #planShape} for the report.
         */
        String explain(Random random) throws Exception {
            double lat = 51.0 + random.nextDouble() * 4.0;
            double lon = -4.3 + random.nextDouble() * 4.5;
            SpatialIndex.Cover cover = SpatialIndex.cover(lat, lon, SEARCH_KM);
            String sql = CandidateQuery.sql(cover.column());
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + jdbc(sql))) {
                Array array = c.createArrayOf("bigint", cover.cells().toArray(new Long[0]));
                bind(explain, array, Instant.now(), UUID.randomUUID(), lat, lon);
                StringBuilder plan = new StringBuilder("candidate query plan (" + cover.cells().size() + " cells):\n");
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                        plan.append("  ").append(rs.getString(1)).append('\n');
                    }
                }
                planShape = shape(lines);
                return plan.toString();
            }
        }

        /** The service's parameter values by number, for a search at (lat, lon) with the default distance and cap. */
        private void bind(PreparedStatement statement, Array cells, Instant now, UUID requestId, double lat, double lon)
                throws Exception {
            Object[] values = CandidateQuery.parameters(cells, now, requestId, MAX_CANDIDATES, lat, lon, SEARCH_KM);
            for (int i = 0; i < order.length; i++) {
                statement.setObject(i + 1, values[order[i]]);
            }
        }
    }

    private static final Pattern SCAN = Pattern.compile("((?:Index Only Scan|Index Scan|Bitmap Heap Scan|Seq Scan)(?: using \\S+)? on volunteers)");

    /** "Index Only Scan using … on volunteers, 0 heap fetches; 620 buffers (40 read …)" from EXPLAIN (ANALYZE, BUFFERS). */
    static String shape(List<String> plan) {
        String scan = "?";
        String heap = "";
        long hit = 0;
        long read = 0;
        boolean totals = false;
        for (String line : plan) {
            Matcher m = SCAN.matcher(line);
            if (scan.equals("?") && m.find()) {
                scan = m.group(1);
            }
            if (line.contains("Heap Fetches:") && heap.isEmpty()) {
                heap = ", " + line.replaceAll(".*Heap Fetches: (\\d+).*", "$1") + " heap fetches";
            } else if (line.contains("Heap Blocks:") && heap.isEmpty()) {
                heap = ", " + line.replaceAll(".*Heap Blocks: (.*)", "$1") + " heap blocks";
            }
            if (!totals && line.contains("Buffers: shared")) { // the first Buffers line is the whole query's
                totals = true;
                Matcher h = Pattern.compile("hit=(\\d+)").matcher(line);
                Matcher r = Pattern.compile("read=(\\d+)").matcher(line);
                hit = h.find() ? Long.parseLong(h.group(1)) : 0;
                read = r.find() ? Long.parseLong(r.group(1)) : 0;
            }
        }
        return String.format(Locale.ROOT, "Plan of one search: %s%s; %d buffers (%d read outside shared_buffers).",
                scan, heap, hit + read, read);
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

        int count() {
            return size;
        }

        void addAll(Timings other) {
            for (int i = 0; i < other.size; i++) {
                add(other.samples[i]);
            }
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

    static long count(Connection c, String sql) throws Exception {
        return VolunteerSeeder.count(c, sql);
    }
}
