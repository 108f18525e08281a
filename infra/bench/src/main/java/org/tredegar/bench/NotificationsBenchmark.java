package org.tredegar.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.SharedInfra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 7's figures: notifications per second sustained through the SMS adapter, and the time from an event's
 * publication to the SMS provider receiving the call. The provider is a Twilio-compatible Messages endpoint played
 * by an HTTP server in this JVM (the JDK's com.sun.net.httpserver), which notes when each message arrives.
 *
 * <p>The events are RequestEscalated (urgent, so quiet hours never hold them) for the demo hub, whose coordinators'
 * duty number is configured for the service: that recipient needs no contact lookup, so the path measured is Kafka →
 * idempotent consumer → planner (intent row) → dispatcher (claim, render, token bucket, SMS adapter) → provider, then
 * the "sent" commit with its NotificationSent outbox row. The one-per-window rule is turned off for the run (every
 * message goes to the same duty number) and the SMS token bucket is raised; both are said in the section.
 */
final class NotificationsBenchmark {
    static final String HUB = "tredegar";
    static final String ACCOUNT = "ACbench000000000000000000000000000";
    static final long RAISED_LIMIT = 100_000;
    /** The request-escalated text names the first 8 hex digits of the request id: the bench puts a sequence there. */
    static final Pattern REQUEST = Pattern.compile("request ([0-9a-f]{8})");

    private NotificationsBenchmark() {
    }

    /** Runs this benchmark alone and prints its section, leaving docs/benchmarks.md as it is (for trying it out). */
    public static void main(String[] args) throws Exception {
        System.out.println(run(new Platform()));
        System.exit(0);
    }

    static String run(Platform platform) throws Exception {
        Provider provider = Provider.start();
        platform.start("notifications", Map.of(
                "TREDEGAR_SMS_URL", provider.url(),
                "TREDEGAR_SMS_ACCOUNT_SID", ACCOUNT,
                "TREDEGAR_SMS_FROM", "+447700900000",
                "TREDEGAR_RATE_SMS_PER_SECOND", String.valueOf(RAISED_LIMIT),
                "TREDEGAR_RATE_SMS_BURST", String.valueOf(RAISED_LIMIT),
                "TREDEGAR_NOTIFICATIONS_WINDOW", "PT0S"),
                List.of("-Dtredegar.hubs.\"" + HUB + "\".coordinators.sms=+447700900123"));

        int warmUp = Integer.getInteger("bench.notifications.warmup", 300);
        int paced = Integer.getInteger("bench.notifications.paced", 600);
        int pacedRate = Integer.getInteger("bench.notifications.paced-rate", 20);
        int backlog = Integer.getInteger("bench.notifications.backlog", 5000);
        try (Publisher publisher = new Publisher()) {
            // Warm-up (JIT, pools, the consumer's first fetches): sent in a burst, not reported.
            Phase warm = publisher.publish(provider, warmUp, 0);
            warm.await(provider, Duration.ofMinutes(5));

            // Latency: a steady trickle well below capacity, so the figure is the path, not a queue.
            Phase trickle = publisher.publish(provider, paced, pacedRate);
            trickle.await(provider, Duration.ofMinutes(5));
            long[] latency = trickle.latencies(provider);
            Breakdown steps = Breakdown.of(trickle);

            // Throughput: a backlog published at once; the rate at which the provider receives it.
            Phase surge = publisher.publish(provider, backlog, 0);
            surge.await(provider, Duration.ofMinutes(15));
            long[] arrivals = surge.arrivals(provider);
            long[] surgeLatency = surge.latencies(provider);
            double drainSeconds = arrivals.length < 2 ? 0 : (arrivals[arrivals.length - 1] - surge.firstPublishedAt) / 1e3;
            // Sustained: the middle 80% of arrivals, away from the start (consumer catching up) and the tail.
            int from = arrivals.length / 10;
            int to = Math.max(from, arrivals.length - 1 - arrivals.length / 10);
            double sustained = to > from ? (to - from) / ((arrivals[to] - arrivals[from]) / 1e3) : 0;
            provider.stop();

            return String.format(Locale.ROOT, """
                    ### Notifications: SMS throughput and event → provider latency (issue 7)

                    The SMS provider is a Twilio-compatible Messages endpoint played by an HTTP server inside the benchmark
                    JVM, answering 201 at once. Events are urgent `RequestEscalated` for the demo hub, whose coordinators'
                    duty number is configured for the service, so **no contact lookup** is made (a requester or volunteer
                    adds one HTTP call to the owning service per message): Kafka → idempotent consumer → planner (intent
                    row) → dispatcher (claim, render, token bucket, SMS adapter) → provider, then the `sent` commit with its
                    NotificationSent outbox row, all on durable PostgreSQL. For the run the SMS token bucket is raised to
                    %,d/s (the configured default, `tredegar.rate.sms.per-second`, is **10/s** with a burst of 10, which
                    caps real sending at 10 SMS/s whatever the figures below) and the one-per-window rule is off (every
                    message goes to the same duty number). The dispatcher polls every second (`tredegar.dispatch.every`,
                    default 1s): that wait is part of the latency.

                    | figure | value |
                    |---|---|
                    | SMS/s sustained, backlog of %,d events (middle 80%% of arrivals) | %.0f |
                    | backlog published → last SMS at the provider | %.1f s |
                    | event published → provider received, %d events at %d/s: p50 / p99 / max | %.0f ms / %.0f ms / %.0f ms |
                    | of which event published → intent committed (consumer, planner), p50 / p99 | %.0f ms / %.0f ms |
                    | of which intent committed → `sent` committed (dispatcher wait and send), p50 / p99 | %.0f ms / %.0f ms |
                    | same, inside the backlog (queueing included): p50 / p99 | %.0f ms / %.0f ms |
                    | messages received (of published): trickle, backlog | %d of %d, %d of %d |

                    Warm-up: %d events first, not reported.
                    """, RAISED_LIMIT, backlog, sustained, drainSeconds, paced, pacedRate,
                    LoadDriver.percentile(latency, 0.5), LoadDriver.percentile(latency, 0.99),
                    latency.length == 0 ? 0 : latency[latency.length - 1] / 1e6,
                    LoadDriver.percentile(steps.consumed(), 0.5), LoadDriver.percentile(steps.consumed(), 0.99),
                    LoadDriver.percentile(steps.dispatched(), 0.5), LoadDriver.percentile(steps.dispatched(), 0.99),
                    LoadDriver.percentile(surgeLatency, 0.5), LoadDriver.percentile(surgeLatency, 0.99),
                    latency.length, paced, arrivals.length, backlog, warmUp);
        }
    }

    /**
     * Where the time goes, from the service's own rows: a coordinators' notification names the request in
     * {@code subject_ref}, whose first 8 hex digits are the event's sequence number; {@code created_at} is when the
     * consumer recorded the intent, {@code sent_at} when the dispatcher recorded the send (after the provider call).
     */
    record Breakdown(long[] consumed, long[] dispatched) {
        static Breakdown of(Phase phase) throws java.sql.SQLException {
            SharedInfra.PostgresServer pg = SharedInfra.postgres();
            List<Long> consumed = new java.util.ArrayList<>();
            List<Long> dispatched = new java.util.ArrayList<>();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl("notifications"), pg.user(), pg.password());
                 java.sql.ResultSet rs = c.createStatement().executeQuery(
                         "SELECT subject_ref, created_at, sent_at FROM notifications WHERE sent_at IS NOT NULL")) {
                while (rs.next()) {
                    Long published = phase.publishedAt.get(Integer.parseUnsignedInt(rs.getString(1).substring(0, 8), 16));
                    if (published != null) {
                        long created = rs.getTimestamp(2).getTime();
                        consumed.add(Math.max(0, created - published) * 1_000_000);
                        dispatched.add(Math.max(0, rs.getTimestamp(3).getTime() - created) * 1_000_000);
                    }
                }
            }
            return new Breakdown(consumed.stream().mapToLong(Long::longValue).sorted().toArray(),
                    dispatched.stream().mapToLong(Long::longValue).sorted().toArray());
        }
    }

    /** One batch of events: when each was published, by its sequence number. */
    static final class Phase {
        final Map<Integer, Long> publishedAt = new ConcurrentHashMap<>();
        long firstPublishedAt;

        void await(Provider provider, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !publishedAt.keySet().stream().allMatch(provider.receivedAt::containsKey)) {
                Thread.sleep(200);
            }
        }

        /** Publication → provider, in nanoseconds, sorted (milliseconds of resolution: both ends read the wall clock). */
        long[] latencies(Provider provider) {
            return publishedAt.entrySet().stream().filter(e -> provider.receivedAt.containsKey(e.getKey()))
                    .mapToLong(e -> Math.max(0, provider.receivedAt.get(e.getKey()) - e.getValue()) * 1_000_000).sorted().toArray();
        }

        long[] arrivals(Provider provider) {
            return publishedAt.keySet().stream().filter(provider.receivedAt::containsKey)
                    .mapToLong(provider.receivedAt::get).sorted().toArray();
        }
    }

    /** Publishes RequestEscalated events as the requests service's relay would (CloudEvents binary mode, acks=all). */
    static final class Publisher implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;
        private final EventType<RequestEscalated> type = EventCatalog.of(RequestEscalated.class);
        private final AtomicLong sequence = new AtomicLong();

        Publisher() {
            Properties props = new Properties();
            props.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, "0",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
            producer = new KafkaProducer<>(props);
        }

        /** {@code perSecond} 0: as fast as the producer takes them. */
        Phase publish(Provider provider, int count, int perSecond) throws InterruptedException {
            Phase phase = new Phase();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (perSecond > 0) {
                    long due = start + i * 1_000_000_000L / perSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                int seq = (int) sequence.incrementAndGet();
                RequestEscalated event = new RequestEscalated(requestId(seq), org.tredegar.platform.hub.HubIds.idOf(HUB), 1,
                        Urgency.URGENT, HelpCategory.GROCERIES, null, Instant.now());
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), event.aggregateId(), EventJson.toBytes(event));
                KafkaTestClient.cloudEventHeaders(type.type(), type.source(), UUID.randomUUID().toString(), event.aggregateId())
                        .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
                long now = System.currentTimeMillis();
                if (i == 0) {
                    phase.firstPublishedAt = now;
                }
                phase.publishedAt.put(seq, now);
                producer.send(record);
            }
            producer.flush();
            return phase;
        }

        /** The first 8 hex digits carry the sequence, so the SMS text says which event it came from. */
        static UUID requestId(int seq) {
            long random = ThreadLocalRandom.current().nextLong();
            long msb = ((long) seq << 32) | (random & 0xFFFF0FFFL) | 0x4000L;
            long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** A Twilio-compatible Messages endpoint that accepts everything and notes when each message arrived. */
    static final class Provider {
        final Map<Integer, Long> receivedAt = new ConcurrentHashMap<>();
        final AtomicLong calls = new AtomicLong();
        private final HttpServer server;

        private Provider(HttpServer server) {
            this.server = server;
        }

        static Provider start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            Provider provider = new Provider(server);
            server.createContext("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", provider::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return provider;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            long now = System.currentTimeMillis();
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String body = Arrays.stream(form.split("&")).filter(p -> p.startsWith("Body="))
                    .map(p -> URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).findFirst().orElse("");
            Matcher m = REQUEST.matcher(body);
            if (m.find()) {
                receivedAt.putIfAbsent(Integer.parseUnsignedInt(m.group(1), 16), now);
            }
            byte[] answer = ("{\"sid\":\"SM" + calls.incrementAndGet() + "\",\"status\":\"queued\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 405, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }

        void stop() {
            server.stop(0);
        }
    }
}
