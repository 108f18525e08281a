package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.samples.GoldenSample;
import org.tredegar.contracts.samples.GoldenSamples;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every golden sample on the topics this service consumes is read and handled (none is dead-lettered). */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class ConsumerContractTest {
    static final Db DB = Db.of("notifications");
    @Test
    void everyGoldenSampleOfOurTopicsIsHandled() {
        List<String> ids = new ArrayList<>();
        for (String topic : List.of(Topics.REQUESTS, Topics.VOLUNTEERS, Topics.LOGISTICS)) {
            List<GoldenSample> samples = GoldenSamples.forTopic(topic);
            assertThat(samples).isNotEmpty();
            for (GoldenSample sample : samples) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                KafkaTestClient.send(topic, UUID.randomUUID().toString(), sample.bytes(), Map.of(
                        "ce_id", id, "ce_type", sample.type().type(), "ce_source", sample.type().source(),
                        "ce_specversion", "1.0", "ce_time", Instant.now().toString(), "content-type", "application/json"));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id ->
                DB.count("SELECT count(*) FROM processed_events WHERE consumer = 'notifications' AND event_id = ?", id) == 1));
    }
}
