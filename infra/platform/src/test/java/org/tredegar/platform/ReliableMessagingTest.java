package org.tredegar.platform;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.requests.v1.RequestUpdated;
import org.tredegar.launcher.DeadLetterReplay;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.outbox.OutboxRelay;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.SharedInfra;
import org.tredegar.testing.TredegarInfraResource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox and the inbox on the real PostgreSQL and Kafka: nothing lost, nothing done twice, order kept per
 * aggregate, poison set aside with a reason, and a dead letter replayable once the cause is fixed.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class ReliableMessagingTest {
    static final String TOPIC = "tredegar.requests.v1";
    static final String DLQ = "tredegar.requests.v1.platform-test.dlq";
    static final UUID HUB = HubIds.idOf("tredegar");

    @Inject
    OutboxWriter outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    org.tredegar.platform.inbox.ProcessedEventsPruner pruner;

    @Test
    void anEventCommittedWhileTheRelayIsDownIsPublishedOnceWhenItComesBack() throws Throwable {
        relay.pause();
        UUID request = UUID.randomUUID();
        try {
            publish(request, "while the relay was down");
            assertThat(sql("SELECT count(*) FROM outbox WHERE message_key = '" + request + "' AND published_at IS NULL")).isEqualTo(1);
            assertThat(recordsFor(request, Duration.ofSeconds(2))).isEmpty();
        } finally {
            relay.resume();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(request).size() == 1);
        assertThat(recordsFor(request, Duration.ofSeconds(3))).hasSize(1);
        assertThat(sql("SELECT count(*) FROM outbox WHERE message_key = '" + request + "' AND published_at IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID request = UUID.randomUUID();
        Throwable failure = null;
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.append(updated(request, "never"))
                    .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("business rule failed")))));
        } catch (Throwable e) {
            failure = e;
        }
        assertThat(failure).hasMessageContaining("business rule failed");
        assertThat(sql("SELECT count(*) FROM outbox WHERE message_key = '" + request + "'")).isZero();
        assertThat(recordsFor(request, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void theSameEventDeliveredTwiceHasItsEffectOnce() throws Throwable {
        UUID request = UUID.randomUUID();
        publish(request, "once only");
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(request).size() == 1);
        ConsumerRecord<String, byte[]> original = recordsFor(request, Duration.ofSeconds(10)).get(0);

        KafkaTestClient.send(TOPIC, original.key(), original.value(), headers(original));
        KafkaTestClient.send(TOPIC, original.key(), original.value(), headers(original));
        UUID marker = UUID.randomUUID();
        publish(marker, "after the duplicates");
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(marker).size() == 1);

        assertThat(handled(request)).containsExactly("once only");
        assertThat(recordsFor(request, Duration.ofSeconds(2))).hasSize(3);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicWithAReasonAndLaterMessagesAreStillProcessed() throws Throwable {
        String key = UUID.randomUUID().toString();
        Map<String, String> valid = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/tredegar/requests", "ce_type", "org.tredegar.requests.RequestUpdated.v1", "content-type", "application/json");
        KafkaTestClient.send(TOPIC, key, "{not json".getBytes(StandardCharsets.UTF_8), valid);
        Map<String, String> unknownType = new HashMap<>(valid);
        unknownType.put("ce_id", UUID.randomUUID().toString());
        unknownType.put("ce_type", "org.tredegar.requests.RequestTeleported.v1");
        KafkaTestClient.send(TOPIC, key, "{}".getBytes(StandardCharsets.UTF_8), unknownType);
        Map<String, String> invalid = new HashMap<>(valid);
        invalid.put("ce_id", UUID.randomUUID().toString());
        KafkaTestClient.send(TOPIC, key, ("{\"requestId\":\"" + key + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8), invalid);
        KafkaTestClient.send(TOPIC, key, "{}".getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/json"));

        UUID after = UUID.randomUUID();
        publish(after, "after the poison");
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(after).size() == 1);

        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClient.read(DLQ, Duration.ofSeconds(30),
                seen -> seen.stream().filter(r -> key.equals(r.key())).count() >= 4).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertThat(dead).hasSize(4);
        List<String> reasons = dead.stream().map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList();
        assertThat(reasons).anyMatch(r -> r.contains("is not JSON"))
                .anyMatch(r -> r.contains("unknown event type"))
                .anyMatch(r -> r.contains("does not match"))
                .anyMatch(r -> r.contains("not a CloudEvent"));
        assertThat(dead).allMatch(r -> TOPIC.equals(KafkaTestClient.header(r, "dead-letter-topic")));
    }

    @Test
    void orderPerAggregateHoldsAcrossARelayRestart() throws Throwable {
        UUID request = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            publish(request, "step " + i);
        }
        relay.pause();
        try {
            for (int i = 10; i < 20; i++) {
                publish(request, "step " + i);
            }
        } finally {
            relay.resume();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(request).size() == 20);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("step " + i);
        }
        assertThat(handled(request)).containsExactlyElementsOf(expected);
        List<ConsumerRecord<String, byte[]>> records = recordsFor(request, Duration.ofSeconds(10));
        assertThat(records.stream().map(ConsumerRecord::partition).collect(Collectors.toSet())).hasSize(1);
        assertThat(records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8).replaceAll(".*\"description\":\"(step \\d+)\".*", "$1")).toList())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aTransientFailureIsRetriedThenDeadLetteredAndReplayedOnceFixed() throws Throwable {
        TestConsumer.FAILING.set(true);
        UUID request = UUID.randomUUID();
        publish(request, "fail");
        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClient.read(DLQ, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> request.toString().equals(r.key())));
        ConsumerRecord<String, byte[]> letter = dead.stream().filter(r -> request.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(letter, "dead-letter-reason")).contains("downstream system is unavailable");
        assertThat(handled(request)).isEmpty();

        TestConsumer.FAILING.set(false);
        int moved = DeadLetterReplay.replay(SharedInfra.kafkaBootstrap(), DLQ, null, false);
        assertThat(moved).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(request).size() == 1);
    }

    @Test
    void processedIdsAreForgottenOnlyAfterTheRetention() throws Exception {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        try (Connection c = connection()) {
            c.createStatement().execute("INSERT INTO processed_events (consumer, event_id, event_type, processed_at) VALUES "
                    + "('platform-test', '" + old + "', 't', now() - interval '31 days'), "
                    + "('platform-test', '" + recent + "', 't', now() - interval '29 days')");
        }
        pruner.prune();
        await().atMost(Duration.ofSeconds(10)).until(() -> sql("SELECT count(*) FROM processed_events WHERE event_id = '" + old + "'") == 0);
        assertThat(sql("SELECT count(*) FROM processed_events WHERE event_id = '" + recent + "'")).isEqualTo(1);
    }

    void publish(UUID request, String note) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.append(updated(request, note))));
    }

    static RequestUpdated updated(UUID request, String note) {
        return new RequestUpdated(request, HUB, note, null, "test", Instant.now());
    }

    static List<ConsumerRecord<String, byte[]>> recordsFor(UUID request, Duration wait) {
        String key = request.toString();
        return KafkaTestClient.read(TOPIC, wait, seen -> false).stream().filter(r -> key.equals(r.key())).toList();
    }

    static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    static List<String> handled(UUID request) {
        List<String> notes = new ArrayList<>();
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT note FROM handled_events WHERE request_id = '" + request + "' ORDER BY id")) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return notes;
    }

    static long sql(String query) {
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connection() throws java.sql.SQLException {
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        return DriverManager.getConnection(pg.jdbcUrl("platform"), pg.user(), pg.password());
    }
}
