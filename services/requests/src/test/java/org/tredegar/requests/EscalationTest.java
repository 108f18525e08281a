package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.requests.domain.EscalationJob;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tredegar.requests.TestRequests.DB;

/**
 * Escalation timers, with the schedule off (test profile) so the test decides when a deadline has passed and
 * runs the job from several threads at once. {@link EscalationTimersSurviveRestartTest} continues after a restart
 * from the probe planted here.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class EscalationTest {
    static final String RESTART_PROBE = "escalation-restart-probe";

    @Inject
    EscalationJob job;

    static void deadlinePassed(UUID id) {
        DB.update("UPDATE help_requests SET escalate_at = now() - interval '1 second' WHERE id = ?", id);
    }

    static int level(UUID id) {
        return ((Number) DB.value("SELECT escalation_level FROM help_requests WHERE id = ?", id)).intValue();
    }

    static List<Integer> escalatedLevels(UUID id) {
        return DB.rows("SELECT payload FROM outbox WHERE message_key = ? AND type = ? ORDER BY id",
                id.toString(), TestRequests.typeOf(RequestEscalated.class)).stream().map(r -> EventJson.read(((String) r.get("payload")).getBytes(), RequestEscalated.class).level()).toList();
    }

    @Test
    void eachLevelFiresExactlyOnceWhenTheJobRunsConcurrently() throws Exception {
        UUID id = TestRequests.submit(RequestIntakeTest.GROCERIES.replace("\"urgent\"", "\"routine\""));
        assertThat(DB.value("SELECT escalate_at > now() + interval '47 hours' FROM help_requests WHERE id = ?", id))
                .as("routine requests wait 48 h first").isEqualTo(true);
        for (int expected = 1; expected <= 3; expected++) {
            deadlinePassed(id);
            List<Integer> handled = Jobs.concurrently(4, job::runOnce);
            assertThat(level(id)).isEqualTo(expected);
            assertThat(TestRequests.status(id)).isEqualTo("escalated");
            assertThat(escalatedLevels(id)).hasSize(expected);
            assertThat(handled.stream().mapToInt(Integer::intValue).sum()).as("rows handled by all threads together").isEqualTo(1);
        }
        assertThat(DB.value("SELECT escalate_at FROM help_requests WHERE id = ?", id)).as("no timer after level 3").isNull();
        deadlinePassed(id);
        Jobs.concurrently(4, job::runOnce);
        assertThat(escalatedLevels(id)).containsExactly(1, 2, 3);
        assertThat(DB.count("SELECT count(*) FROM request_transitions WHERE request_id = ? AND to_status = 'escalated' AND actor = 'system'", id))
                .isEqualTo(3);

        List<ConsumerRecord<String, byte[]>> published = KafkaTestClient.read(Topics.REQUESTS, Duration.ofSeconds(60),
                seen -> seen.stream().filter(r -> escalatedFor(r, id)).count() >= 3);
        List<RequestEscalated> events = published.stream().filter(r -> escalatedFor(r, id))
                .map(r -> EventJson.read(r.value(), RequestEscalated.class)).toList();
        assertThat(events).extracting(RequestEscalated::level).containsExactly(1, 2, 3);
        assertThat(events.get(0).hubId()).isEqualTo(HubIds.idOf("tredegar"));
    }

    @Test
    void matchedRequestsDoNotEscalate() throws Exception {
        UUID id = TestRequests.submitGroceries();
        TestRequests.publish(new OfferAccepted(UUID.randomUUID(), id, UUID.randomUUID(), UUID.randomUUID(), HubIds.idOf("tredegar"), Instant.now()));
        TestRequests.awaitStatus(id, "matched");
        assertThat(DB.value("SELECT escalate_at FROM help_requests WHERE id = ?", id)).isNull();
        deadlinePassed(id);
        Jobs.concurrently(2, job::runOnce);
        assertThat(level(id)).isZero();
        assertThat(TestRequests.status(id)).isEqualTo("matched");
    }

    /** Escalated once by this app; the restart test makes its next deadline pass after the app restarted. */
    @Test
    void plantsATimerForTheRestartTest() throws Exception {
        UUID id = TestRequests.submit(RequestIntakeTest.GROCERIES.replace("Shopping for the week, I can't get out", RESTART_PROBE)
                .replace("\"urgent\"", "\"routine\""));
        deadlinePassed(id);
        Jobs.concurrently(3, job::runOnce);
        assertThat(level(id)).isEqualTo(1);
        assertThat(DB.value("SELECT escalate_at > now() FROM help_requests WHERE id = ?", id)).isEqualTo(true);
    }

    static boolean escalatedFor(ConsumerRecord<String, byte[]> r, UUID id) {
        return id.toString().equals(r.key())
                && TestRequests.typeOf(RequestEscalated.class).equals(KafkaTestClient.header(r, "ce_type"));
    }
}
