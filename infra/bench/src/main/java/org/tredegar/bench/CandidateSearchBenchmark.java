package org.tredegar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
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

        ServiceCode service = ServiceCode.load();
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        props.setProperty("password", pg.password());
        props.setProperty("prepareThreshold", Boolean.getBoolean("bench.search.unprepared") ? "0" : "1");
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
        String planShape = "";

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

        /**
         * The plan of one search, in full for the console; its shape (the scan on volunteers, heap fetches, buffers)
         * also goes to {@link #planShape} for the report.
         */
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
