package org.tredegar.bench;

import io.smallrye.jwt.build.Jwt;
import org.tredegar.testing.SharedInfra;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 5's flood path: sign-up without an account, by email confirmed with a one-time code, through the API. Each
 * sign-up is the three calls it costs the volunteers service in real life, in a closed loop per caller:
 * <ol>
 *   <li>{@code POST /api/v1/volunteers/sign-ups} (public) → 202 {@code {signUpId}}: the pending sign-up, the code
 *       and its OneTimeCodeIssued outbox row, one durable transaction;</li>
 *   <li>the notifications service's fetch of the code, {@code GET /api/v1/one-time-codes/{codeId}} with a service
 *       token → 200 {@code {code}} (audited: a write too). The code id travels in the OneTimeCodeIssued event;
 *       the benchmark reads it from {@code one_time_codes} by sign-up id instead of consuming Kafka, and that
 *       lookup is not timed;</li>
 *   <li>{@code POST /api/v1/volunteers/sign-ups/{signUpId}/confirm} (public) with the code → 201 {@code {volunteerId}}:
 *       the volunteer, their sealed contact and the VolunteerRegistered/AvailabilityChanged outbox rows.</li>
 * </ol>
 * A sign-up counts when all three answered as expected. The loopback address is exempt from the per-address rate
 * limit (as a load balancer's health checks or an SMS gateway would be); every caller is one kept-alive HTTP/1.1
 * connection, and contacts are unique per run, so each sign-up is a new person.
 */
final class SignUpsBenchmark {
    private static final Pattern SIGN_UP_ID = Pattern.compile("\"signUpId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(\\d{6})\"");

    private SignUpsBenchmark() {
    }

    static String run(Platform platform) throws Exception {
        URI base = URI.create(VolunteersBenchmark.service(platform));
        int callers = Integer.getInteger("bench.signups.callers", 32);
        Duration warmUp = Platform.seconds("bench.warmup", 15);
        Duration measure = Platform.seconds("bench.measure", 60);
        String serviceToken = "Authorization: Bearer " + Jwt.subject("service-account-notifications")
                .claim("azp", "notifications").claim("realm_access", Map.of("roles", List.of("service")))
                .expiresIn(warmUp.plus(measure).toSeconds() + 600).sign(VolunteersBenchmark.keys().getPrivate()) + "\r\n";
        String run = Long.toString(System.currentTimeMillis(), 36);

        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        Caller[] state = new Caller[callers];
        for (int c = 0; c < callers; c++) {
            state[c] = new Caller(new IntakeBenchmark.PlainHttp(base.getHost(), base.getPort()),
                    DriverManager.getConnection(pg.jdbcUrl("volunteers"), pg.user(), pg.password()), new Random(c));
        }
        long measureFrom = System.nanoTime() + warmUp.toNanos(); // LoadDriver's window, started right below
        long measureTo = measureFrom + measure.toNanos();
        Instant measuredFrom = Instant.now().plus(warmUp);
        LoadDriver.Result result = LoadDriver.run(callers, warmUp, measure, (caller, seq) -> {
            Caller me = state[caller];
            double lat = 51.70 + me.random.nextDouble() * 0.15;
            double lon = -3.35 + me.random.nextDouble() * 0.2;
            byte[] body = String.format(Locale.ROOT, "{\"displayName\":\"Volunteer %d\",\"hubs\":[\"tredegar\"],"
                    + "\"location\":{\"lat\":%.5f,\"lon\":%.5f},\"radiusKm\":5,\"skills\":[\"driving\"],"
                    + "\"languages\":[\"en\"],\"contact\":{\"channel\":\"email\",\"value\":\"bench.%s.%d@example.org\"}}",
                    seq, lat, lon, run, seq).getBytes(StandardCharsets.UTF_8);

            long t0 = System.nanoTime();
            IntakeBenchmark.PlainHttp.Response started = me.http.exchange("POST", "/api/v1/volunteers/sign-ups", "", body, me.buffer);
            long t1 = System.nanoTime();
            Matcher id = SIGN_UP_ID.matcher(started.body());
            if (started.status() != 202 || !id.find()) {
                return false;
            }
            UUID signUpId = UUID.fromString(id.group(1));
            UUID codeId = me.codeId(signUpId); // what OneTimeCodeIssued carries; not timed

            long t2 = System.nanoTime();
            IntakeBenchmark.PlainHttp.Response opened = me.http.exchange("GET", "/api/v1/one-time-codes/" + codeId,
                    serviceToken, null, me.buffer);
            long t3 = System.nanoTime();
            Matcher code = CODE.matcher(opened.body());
            if (opened.status() != 200 || !code.find()) {
                return false;
            }

            long t4 = System.nanoTime();
            IntakeBenchmark.PlainHttp.Response confirmed = me.http.exchange("POST", "/api/v1/volunteers/sign-ups/"
                    + signUpId + "/confirm", "", ("{\"code\":\"" + code.group(1) + "\"}").getBytes(StandardCharsets.UTF_8), me.buffer);
            long t5 = System.nanoTime();
            if (t0 >= measureFrom && t5 <= measureTo) {
                me.start.add(t1 - t0);
                me.fetch.add(t3 - t2);
                me.confirm.add(t5 - t4);
                me.service.add((t1 - t0) + (t3 - t2) + (t5 - t4));
            }
            return confirmed.status() == 201;
        });
        for (Caller c : state) {
            c.http.close();
            c.db.close();
        }
        Instant measuredTo = measuredFrom.plus(measure);
        System.out.println("signups: measured from " + measuredFrom + " to " + measuredTo); // to line up CPU samples
        Thread.sleep(5000); // let the relay drain before reading its figures
        String outbox = outboxFigures(measuredFrom, measuredTo);

        CandidateSearchBenchmark.Timings start = merged(state, c -> c.start);
        CandidateSearchBenchmark.Timings fetch = merged(state, c -> c.fetch);
        CandidateSearchBenchmark.Timings confirm = merged(state, c -> c.confirm);
        CandidateSearchBenchmark.Timings service = merged(state, c -> c.service);
        return String.format(Locale.ROOT, """
                ### Volunteers: sign-ups by one-time code, no account (issue 5)

                Each sign-up is the three calls it costs the volunteers service: `POST /api/v1/volunteers/sign-ups`
                (202: pending sign-up, sealed contact, code and OneTimeCodeIssued outbox row), the notifications
                service's `GET /api/v1/one-time-codes/{codeId}` with a service token (200, audited), and
                `POST /api/v1/volunteers/sign-ups/{signUpId}/confirm` with the code (201: volunteer, sealed contact,
                VolunteerRegistered and VolunteerAvailabilityChanged outbox rows) — each call a durable PostgreSQL
                transaction. %d concurrent callers in a closed loop (one kept-alive HTTP/1.1 connection each), every
                sign-up a new email address, %d s warm-up, %d s measured. The code id reaches the benchmark by a lookup
                in `one_time_codes` (it stands in for the OneTimeCodeIssued event; not timed). The loopback address
                is exempt from the per-address rate limit (`tredegar.rate-limit.exempt`).

                | figure | value |
                |---|---|
                | sign-ups/s confirmed (sustained) | %.0f |
                | one sign-up, start to confirmed (3 calls + code-id lookup), p50 / p99 / max | %.1f ms / %.1f ms / %.1f ms |
                | the three calls' time together, p50 / p95 / p99 | %s |
                | `POST …/sign-ups` (202), p50 / p95 / p99 | %s |
                | `GET /api/v1/one-time-codes/{codeId}` (200), p50 / p95 / p99 | %s |
                | `POST …/sign-ups/{id}/confirm` (201), p50 / p95 / p99 | %s |
                | sign-ups measured (failures) | %d (%d) |
                | 750,000 sign-ups at this rate | %.1f min |
                %s
                Target from the issue: ≥ 2,000 sign-ups/s (750,000 in under 7 min).
                """, callers, warmUp.toSeconds(), measure.toSeconds(), result.perSecond(), result.p50Millis(),
                result.p99Millis(), result.maxMillis(), service.summary(false), start.summary(false), fetch.summary(false),
                confirm.summary(false), result.calls(), result.failures(), 750_000 / Math.max(result.perSecond(), 1) / 60,
                outbox);
    }

    /** One caller's connection, database lookup and samples (no sharing between threads). */
    static final class Caller {
        final IntakeBenchmark.PlainHttp http;
        final Connection db;
        final PreparedStatement code;
        final Random random;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        final CandidateSearchBenchmark.Timings start = new CandidateSearchBenchmark.Timings();
        final CandidateSearchBenchmark.Timings fetch = new CandidateSearchBenchmark.Timings();
        final CandidateSearchBenchmark.Timings confirm = new CandidateSearchBenchmark.Timings();
        final CandidateSearchBenchmark.Timings service = new CandidateSearchBenchmark.Timings();

        Caller(IntakeBenchmark.PlainHttp http, Connection db, Random random) throws Exception {
            this.http = http;
            this.db = db;
            this.code = db.prepareStatement("SELECT id FROM one_time_codes WHERE sign_up_id = ? AND status = 'pending'");
            this.random = random;
        }

        UUID codeId(UUID signUpId) throws Exception {
            code.setObject(1, signUpId);
            try (ResultSet rs = code.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no pending code for sign-up " + signUpId);
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }

    interface Part {
        CandidateSearchBenchmark.Timings of(Caller caller);
    }

    static CandidateSearchBenchmark.Timings merged(Caller[] callers, Part part) {
        CandidateSearchBenchmark.Timings all = new CandidateSearchBenchmark.Timings();
        for (Caller c : callers) {
            all.addAll(part.of(c));
        }
        return all;
    }

    /** Outbox rows written in the window and how fast the relay published them. */
    static String outboxFigures(Instant from, Instant to) throws Exception {
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("volunteers"), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*), count(published_at), "
                             + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)), "
                             + "percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at)) "
                             + "FROM outbox WHERE created_at BETWEEN '" + from + "' AND '" + to + "'")) {
            rs.next();
            double seconds = Duration.between(from, to).toMillis() / 1000.0;
            return String.format(Locale.ROOT, "| outbox events written/s, published/s (same window) | %.0f, %.0f |%n"
                            + "| commit → published to Kafka, p50 / p99 | %.1f ms / %.1f ms |%n",
                    rs.getLong(1) / seconds, rs.getLong(2) / seconds, rs.getDouble(3) * 1000, rs.getDouble(4) * 1000);
        }
    }
}
