package org.tredegar.volunteers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;
import org.tredegar.volunteers.messaging.RequestEventsConsumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A message we cannot read goes to our dead-letter topic with the reason, and the channel keeps going. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class PoisonMessageTest {
    static final EventType<RequestSubmitted> SUBMITTED = EventCatalog.of(RequestSubmitted.class);
    static final String DLQ = Topics.deadLetter(Topics.REQUESTS, RequestEventsConsumer.CONSUMER);

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextGoodMessageIsStillMatched() {
        String hub = Fixtures.freshHub();
        UUID volunteer = Fixtures.volunteerNear(hub, 52.4, -3.1, 0.5, b -> { });
        UUID requestId = UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        // Same key as the good message: same partition, so the good one comes after the poison.
        KafkaTestClient.send(Topics.REQUESTS, requestId.toString(), "{\"requestId\": 42, broken".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_id", poisonId, "ce_type", SUBMITTED.type(), "ce_source", SUBMITTED.source(),
                        "ce_specversion", "1.0", "ce_time", Instant.now().toString(), "content-type", "application/json"));
        RequestEvents.publish(RequestEvents.submitted(requestId, hub, HelpCategory.GROCERIES, 52.4, -3.1, "en"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).contains(volunteer));
        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClient.read(DLQ, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> poisonId.equals(KafkaTestClient.header(r, "ce_id"))));
        ConsumerRecord<String, byte[]> poison = dead.stream().filter(r -> poisonId.equals(KafkaTestClient.header(r, "ce_id")))
                .findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(poison, "dead-letter-reason")).isNotBlank();
        assertThat(poison.key()).isEqualTo(requestId.toString());
        assertThat(Fixtures.processed(poisonId)).isFalse();
    }
}
