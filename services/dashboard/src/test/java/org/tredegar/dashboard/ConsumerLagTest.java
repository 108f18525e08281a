package org.tredegar.dashboard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.dashboard.domain.HubSnapshot.TopicRate;
import org.tredegar.dashboard.domain.OperatorSnapshots;
import org.tredegar.dashboard.messaging.ConsumerLag;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.SharedInfra;
import org.tredegar.testing.TredegarInfraResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consumer-lag panel's figure, against the real broker: end offsets minus the group's committed offsets. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "dashboard"))
class ConsumerLagTest {
    @Inject
    ConsumerLag lag;
    @Inject
    OperatorSnapshots snapshots;

    @Test
    void lagIsEndOffsetsMinusCommittedOffsetsOrMinusTheLogStartWithoutCommits() throws Exception {
        String topic = "lag-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        for (int i = 0; i < 5; i++) {
            KafkaTestClient.send(topic, "same-key", ("record " + i).getBytes(StandardCharsets.UTF_8), Map.of());
        }
        KafkaTestClient.send(topic, "other-key", "other".getBytes(StandardCharsets.UTF_8), Map.of());
        String group = "lag-test-" + UUID.randomUUID();
        commit(group, topic, 2);

        String missing = "no-such-topic-" + UUID.randomUUID();
        // 6 records; the group committed offset 2 (it has handled records 0 and 1).
        assertThat(lag.lagOf(group, List.of(topic, missing))).containsExactly(Map.entry(topic, 4L), Map.entry(missing, 0L));
        assertThat(lag.lagOf("never-" + UUID.randomUUID(), List.of(topic))).containsExactly(Map.entry(topic, 6L));
    }

    @Test
    void theDashboardsOwnGroupCatchesUpAndThePanelAndTheGaugeShowIt() {
        String id = Events.send(new RequestSubmitted(UUID.randomUUID(), UUID.randomUUID(), HelpCategory.TRANSPORT,
                Urgency.ROUTINE, "Lift", new GeoPoint(51.773, -3.247), null, List.of(), "en", false, ContactChannel.NONE,
                IntakeChannel.WEB, null, false, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadModelDb.processed(List.of(id)) == 1);
        Instant processed = Instant.now();
        // Commits are throttled (every 5 s) and the lag is measured every 5 s: allow a few rounds.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ConsumerLag.Lag now = lag.of(Topics.REQUESTS);
            return now.measuredAt() != null && now.measuredAt().isAfter(processed) && Long.valueOf(0).equals(now.records());
        });

        List<TopicRate> rates = snapshots.eventRates(Instant.now()).await().indefinitely();
        assertThat(rates).extracting(TopicRate::topic).containsExactly(Topics.REQUESTS, Topics.VOLUNTEERS,
                Topics.LOGISTICS, Topics.NOTIFICATIONS);
        TopicRate requests = rates.get(0);
        assertThat(requests.consumerLag()).isZero();
        assertThat(requests.lagMeasuredAt()).isNotNull();
        assertThat(requests.lastEventAt()).isNotNull();

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("tredegar_dashboard_consumer_lag")
                && l.contains("topic=\"" + Topics.REQUESTS + "\"") && l.contains("group=\"dashboard\"")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 0.0"));
    }

    /** Commits {@code offset} for partition 0, as a consumer of {@code group} would. */
    private static void commit(String group, String topic, long offset) {
        Properties props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition first = new TopicPartition(topic, 0);
            consumer.assign(List.of(first));
            consumer.commitSync(Map.of(first, new OffsetAndMetadata(offset)));
        }
    }
}
