package org.tredegar.bench;

import io.smallrye.jwt.build.Jwt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.SharedInfra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Issue 5's two figures: sign-ups through the API (each with its own signed token, as Keycloak would issue), and
 * event → offers latency with a million registered volunteers (H3-indexed) in the database.
 */
final class VolunteersBenchmark {
    static final String HUBS = "tredegar";

    private static KeyPair keys;
    private static String url;

    /**
     * The volunteers service for the benchmarks that call its API ({@code volunteers}, {@code signups}), started
     * once per run: it verifies tokens signed with {@link #keys()} (no Keycloak), and the load generator's loopback
     * addresses are exempt from the per-address rate limit of the public sign-up endpoints.
     */
    static synchronized String service(Platform platform) throws Exception {
        if (url == null) {
            url = platform.start("volunteers", Map.of(
                    "QUARKUS_OIDC_PUBLIC_KEY", Base64.getEncoder().encodeToString(keys().getPublic().getEncoded()),
                    "TREDEGAR_RATE_LIMIT_EXEMPT", "127.0.0.1,0:0:0:0:0:0:0:1,::1"), List.of("-Dquarkus.oidc.auth-server-url="));
        }
        return url;
    }

    /** The key pair the benchmark signs tokens with, as Keycloak would (RS256). */
    static synchronized KeyPair keys() throws Exception {
        if (keys == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        }
        return keys;
    }

    static String run(Platform platform) throws Exception {
        String url = service(platform);
        KeyPair keys = keys();

        // Each call signs a fresh token (RS256) in the load generator, on the same 2 cores as the service: that
        // work is Keycloak's in real life, so the figure is a lower bound for the service itself.
        int callers = Integer.getInteger("bench.signup.callers", 32);
        Duration warmUp = Platform.seconds("bench.warmup", 15);
        Duration measure = Platform.seconds("bench.measure", 60);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(7);
        LoadDriver.Result signups = LoadDriver.run(callers, warmUp, measure, (caller, seq) -> {
            UUID subject = UUID.randomUUID();
            String token = Jwt.subject(subject.toString()).claim("preferred_username", "bench-" + subject)
                    .claim("realm_access", Map.of("roles", List.of("volunteer"))).claim("hubs", List.of(HUBS))
                    .expiresIn(600).sign(keys.getPrivate());
            double lat = 51.70 + random.nextDouble() * 0.15;
            double lon = -3.35 + random.nextDouble() * 0.2;
            String body = String.format(Locale.ROOT, "{\"displayName\":\"Volunteer %d\",\"hubs\":[\"tredegar\"],"
                    + "\"location\":{\"lat\":%.5f,\"lon\":%.5f},\"radiusKm\":5,\"skills\":[\"driving\"],"
                    + "\"languages\":[\"en\"],\"onDuty\":true}", seq, lat, lon);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/volunteers"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 201 || response.statusCode() == 200;
        });

        int population = Integer.getInteger("bench.volunteers", 1_000_000);
        long loadStart = System.nanoTime();
        long inDatabase = loadVolunteers(population);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        matchingLatency(50); // warm-up: caches, JIT and the consumer's first fetches; not reported
        Latencies matching = matchingLatency(Integer.getInteger("bench.match.requests", 300));

        return String.format(Locale.ROOT, """
                ### Volunteers: sign-ups and matching (issue 5)

                **Sign-ups** — `POST /api/v1/volunteers`, %d concurrent callers, each call a new person with their own signed
                token (RS256, shaped like Keycloak's, signed by the load generator inside the timed call, on the same
                cores), %d s warm-up, %d s measured. Each call commits the profile and its VolunteerRegistered outbox
                row durably.

                | figure | value |
                |---|---|
                | sign-ups/s (sustained) | %.0f |
                | latency p50 / p99 / max | %.1f ms / %.1f ms / %.1f ms |
                | calls measured (failures) | %d (%d) |
                | 750,000 sign-ups at this rate | %.1f min |

                **Matching** — %,d volunteers in the database (%,d loaded by SQL in %.0f s: homes spread over Wales and
                England, a third on duty, H3 cells at resolutions 7 and 5), then (after 50 warm-up events) %d RequestSubmitted events at ~20/s in the
                Tredegar area. Measured from the RequestSubmitted record's timestamp to the first OfferMade record's
                timestamp for that request: consume, candidate search (H3 index), ranking, offers committed, relay published.
                So this is an upper bound on matching itself.

                | figure | value |
                |---|---|
                | event → first offer published, p50 / p99 / max | %.1f ms / %.1f ms / %.1f ms |
                | requests that got offers | %d of %d |

                Targets from the issue: ≥ 2,000 sign-ups/s (750,000 in under 7 min); matching p99 ≤ 10 ms.
                """, callers, warmUp.toSeconds(), measure.toSeconds(), signups.perSecond(), signups.p50Millis(),
                signups.p99Millis(), signups.maxMillis(), signups.calls(), signups.failures(),
                750_000 / Math.max(signups.perSecond(), 1) / 60, inDatabase, population, loadSeconds,
                matching.sent, matching.p50, matching.p99, matching.max, matching.matched, matching.sent);
    }

    record Latencies(int sent, int matched, double p50, double p99, double max) {
    }

    /** {@code count} more volunteers by SQL ({@link VolunteerSeeder}); returns how many the table then holds. */
    static long loadVolunteers(int count) throws Exception {
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("volunteers"), pg.user(), pg.password())) {
            VolunteerSeeder.insert(c, count, 42);
            VolunteerSeeder.analyze(c);
            return VolunteerSeeder.count(c, "SELECT count(*) FROM volunteers");
        }
    }

    static Latencies matchingLatency(int requests) throws Exception {
        Map<String, Long> sentAt = new HashMap<>();
        UUID hub = org.tredegar.platform.hub.HubIds.idOf("tredegar");
        Random random = new Random(3);
        for (int i = 0; i < requests; i++) {
            UUID id = UUID.randomUUID();
            RequestSubmitted event = new RequestSubmitted(id, hub, HelpCategory.GROCERIES, Urgency.URGENT, "bench",
                    new GeoPoint(51.76 + random.nextDouble() * 0.03, -3.27 + random.nextDouble() * 0.05), null, List.of(),
                    "en", false, ContactChannel.NONE, IntakeChannel.WEB, null, false, Instant.now());
            KafkaTestClient.sendEvent(event);
            sentAt.put(id.toString(), System.currentTimeMillis());
            Thread.sleep(50);
        }
        List<ConsumerRecord<String, byte[]>> offers = KafkaTestClient.read("tredegar.volunteers.v1", Duration.ofSeconds(60),
                seen -> seen.stream().map(ConsumerRecord::key).filter(sentAt::containsKey).distinct().count() >= sentAt.size());
        Map<String, Long> firstOffer = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : offers) {
            String type = KafkaTestClient.header(r, "ce_type");
            if (type != null && type.endsWith("OfferMade.v1") && sentAt.containsKey(r.key())) {
                firstOffer.merge(r.key(), r.timestamp(), Math::min);
            }
        }
        // Record timestamps (CreateTime) on both sides come from this machine's clock: producer send times.
        List<ConsumerRecord<String, byte[]>> submitted = KafkaTestClient.read("tredegar.requests.v1", Duration.ofSeconds(10),
                seen -> seen.stream().map(ConsumerRecord::key).filter(firstOffer::containsKey).distinct().count() >= firstOffer.size());
        Map<String, Long> submittedAt = new HashMap<>();
        submitted.stream().filter(r -> firstOffer.containsKey(r.key())).forEach(r -> submittedAt.putIfAbsent(r.key(), r.timestamp()));
        List<Long> latencies = new ArrayList<>();
        firstOffer.forEach((key, offered) -> {
            Long at = submittedAt.get(key);
            if (at != null) {
                latencies.add(Math.max(0, offered - at));
            }
        });
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] nanos = java.util.Arrays.stream(sorted).map(ms -> ms * 1_000_000).toArray();
        return new Latencies(requests, firstOffer.size(), LoadDriver.percentile(nanos, 0.5), LoadDriver.percentile(nanos, 0.99),
                nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6);
    }

}
