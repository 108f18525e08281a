package org.tredegar.bench;

import io.smallrye.jwt.build.Jwt;
import org.tredegar.platform.privacy.ContactCipher;
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

    /** One measured phase: its load figures and its callers' per-call samples. */
    record Phase(LoadDriver.Result result, CandidateSearchBenchmark.Timings start, CandidateSearchBenchmark.Timings fetch,
                 CandidateSearchBenchmark.Timings confirm, String outbox) {
        String row(String figure, java.util.function.Function<Phase, String> value, Phase other) {
            return "| " + figure + " | " + value.apply(this) + " | " + value.apply(other) + " |\n";
        }
    }

    static String run(Platform platform) throws Exception {
        URI base = URI.create(VolunteersBenchmark.service(platform));
        int callers = Integer.getInteger("bench.signups.callers", 32);
        Duration warmUp = Platform.sustainedWarmUp();
        Duration measure = Platform.seconds("bench.measure", 60);
        Phase person = phase(base, callers, warmUp, measure, false);
        Phase withFetch = phase(base, callers, warmUp, measure, true);
        java.util.function.Function<Phase, String> rate = p -> String.format(Locale.ROOT, "%.0f", p.result().perSecond());
        java.util.function.Function<Phase, String> whole = p -> String.format(Locale.ROOT, "%.1f ms / %.1f ms / %.1f ms",
                p.result().p50Millis(), p.result().p99Millis(), p.result().maxMillis());
        StringBuilder table = new StringBuilder("| figure | start + confirm (the person's two calls) | with notifications' code fetch in the loop |\n|---|---|---|\n");
        table.append(person.row("sign-ups/s confirmed (sustained)", rate, withFetch));
        table.append(person.row("one sign-up, first call to confirmed, p50 / p99 / max", whole, withFetch));
        table.append(person.row("`POST …/sign-ups` (202), p50 / p95 / p99", p -> p.start().summary(false), withFetch));
        table.append(person.row("`GET /api/v1/one-time-codes/{codeId}` (200), p50 / p95 / p99",
                p -> p.fetch().count() == 0 ? "—" : p.fetch().summary(false), withFetch));
        table.append(person.row("`POST …/sign-ups/{id}/confirm` (201), p50 / p95 / p99", p -> p.confirm().summary(false), withFetch));
        table.append(person.row("sign-ups measured (failures)", p -> p.result().calls() + " (" + p.result().failures() + ")", withFetch));
        table.append(person.row("750,000 sign-ups at this rate", p -> String.format(Locale.ROOT, "%.1f min",
                750_000 / Math.max(p.result().perSecond(), 1) / 60), withFetch));
        table.append(person.row("outbox events written/s, published/s; commit → Kafka p50 / p99", Phase::outbox, withFetch));
        return String.format(Locale.ROOT, """
                ### Volunteers: sign-ups by one-time code, no account (issue 5)

                A sign-up is `POST /api/v1/volunteers/sign-ups` (202: pending sign-up, sealed contact, code and
                OneTimeCodeIssued outbox row) and, once the code has reached the person, `POST
                /api/v1/volunteers/sign-ups/{signUpId}/confirm` with it (201: volunteer, sealed contact,
                VolunteerRegistered and VolunteerAvailabilityChanged outbox rows), each a durable PostgreSQL transaction.
                %d concurrent callers in a closed loop (one kept-alive HTTP/1.1 connection each), every sign-up a new
                email address in one hub, %d s warm-up and %d s measured per column. The loopback address is exempt
                from the per-address rate limit (`tredegar.rate-limit.exempt`).

                How the code reaches the caller: in the first column the benchmark reads the sealed code from
                `one_time_codes` and opens it with the service's key (standing in for the SMS or email; not timed), so
                the figures are the sign-up API's. In the second, the caller fetches it as the notifications service
                does, `GET /api/v1/one-time-codes/{codeId}` with a service token — a third call per sign-up, and an
                audited read: each one appends to the hub's hash chain (code id from `one_time_codes`, not timed).

                %s
                Target from the issue: ≥ 2,000 sign-ups/s (750,000 in under 7 min).
                """, callers, warmUp.toSeconds(), measure.toSeconds(), table);
    }

    static Phase phase(URI base, int callers, Duration warmUp, Duration measure, boolean fetchThroughService) throws Exception {
        String serviceToken = "Authorization: Bearer " + Jwt.subject("service-account-notifications")
                .claim("azp", "notifications").claim("realm_access", Map.of("roles", List.of("service")))
                .expiresIn(warmUp.plus(measure).toSeconds() + 600).sign(VolunteersBenchmark.keys().getPrivate()) + "\r\n";
        String run = Long.toString(System.currentTimeMillis(), 36);
        ContactCipher cipher = Platform.contactCipher();

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
            String answer;
            long t2 = 0;
            long t3 = 0;
            if (fetchThroughService) {
                UUID codeId = me.pendingCode(signUpId).id(); // what OneTimeCodeIssued carries; not timed
                t2 = System.nanoTime();
                IntakeBenchmark.PlainHttp.Response opened = me.http.exchange("GET", "/api/v1/one-time-codes/" + codeId,
                        serviceToken, null, me.buffer);
                t3 = System.nanoTime();
                Matcher code = CODE.matcher(opened.body());
                if (opened.status() != 200 || !code.find()) {
                    return false;
                }
                answer = code.group(1);
            } else {
                PendingCode pending = me.pendingCode(signUpId); // the SMS or email reaching the person; not timed
                answer = cipher.open(new ContactCipher.Sealed(pending.keyId(), pending.nonce(), pending.ciphertext()),
                        "one-time-code:" + pending.id());
            }

            long t4 = System.nanoTime();
            IntakeBenchmark.PlainHttp.Response confirmed = me.http.exchange("POST", "/api/v1/volunteers/sign-ups/"
                    + signUpId + "/confirm", "", ("{\"code\":\"" + answer + "\"}").getBytes(StandardCharsets.UTF_8), me.buffer);
            long t5 = System.nanoTime();
            if (t0 >= measureFrom && t5 <= measureTo) {
                me.start.add(t1 - t0);
                if (fetchThroughService) {
                    me.fetch.add(t3 - t2);
                }
                me.confirm.add(t5 - t4);
            }
            return confirmed.status() == 201;
        });
        for (Caller c : state) {
            c.http.close();
            c.db.close();
        }
        Instant measuredTo = measuredFrom.plus(measure);
        System.out.println("signups (" + (fetchThroughService ? "with code fetch" : "start + confirm") + "): measured from "
                + measuredFrom + " to " + measuredTo + ": " + result); // to line up CPU samples
        Thread.sleep(5000); // let the relay drain before reading its figures
        return new Phase(result, merged(state, c -> c.start), merged(state, c -> c.fetch), merged(state, c -> c.confirm),
                outboxFigures(measuredFrom, measuredTo));
    }

    record PendingCode(UUID id, String keyId, byte[] nonce, byte[] ciphertext) {
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

        Caller(IntakeBenchmark.PlainHttp http, Connection db, Random random) throws Exception {
            this.http = http;
            this.db = db;
            this.code = db.prepareStatement("SELECT id, key_id, nonce, ciphertext FROM one_time_codes "
                    + "WHERE sign_up_id = ? AND status = 'pending'");
            this.random = random;
        }

        PendingCode pendingCode(UUID signUpId) throws Exception {
            code.setObject(1, signUpId);
            try (ResultSet rs = code.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no pending code for sign-up " + signUpId);
                }
                return new PendingCode(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3), rs.getBytes(4));
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
        OutboxFigures f = OutboxFigures.of("volunteers", from, to);
        return String.format(Locale.ROOT, "%.0f, %.0f; %.1f ms / %.1f ms", f.writtenPerSecond(), f.publishedPerSecond(),
                f.commitToKafkaP50Millis(), f.commitToKafkaP99Millis());
    }
}
