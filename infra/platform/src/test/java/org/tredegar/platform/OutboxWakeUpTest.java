package org.tredegar.platform;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay learns of commits from the writer, not from the database: with the safety poll an hour apart, events
 * still go out, also once the brisk polling after an earlier append has wound down. And the outbox has no trigger
 * left to serialise the commits of every writing transaction (ADR 0002).
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.SafetyPollOff.class)
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class OutboxWakeUpTest {

    public static class SafetyPollOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tredegar.outbox.relay.poll-interval", "1h",
                    "tredegar.outbox.relay.hot-window", "PT0.2S");
        }
    }

    @Inject
    OutboxWriter outbox;

    @Test
    void eventsArePublishedWithoutTheSafetyPollAlsoAfterTheBriskPollingStopped() throws Throwable {
        UUID first = UUID.randomUUID();
        publishVia(first, "first");
        await().atMost(Duration.ofSeconds(30)).until(() -> ReliableMessagingTest.handled(first).size() == 1);

        Thread.sleep(500); // longer than the hot window: the relay is back to its (hour-long) safety poll
        UUID second = UUID.randomUUID();
        publishVia(second, "second");
        await().atMost(Duration.ofSeconds(30)).until(() -> ReliableMessagingTest.handled(second).size() == 1);
        assertThat(ReliableMessagingTest.sql("SELECT count(*) FROM outbox WHERE message_key IN ('" + first + "', '"
                + second + "') AND published_at IS NULL")).isZero();
    }

    @Test
    void theOutboxHasNoTriggerThatWouldSerialiseCommits() {
        assertThat(ReliableMessagingTest.sql("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'outbox'::regclass AND NOT tgisinternal"))
                .isZero();
    }

    private void publishVia(UUID request, String note) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append(ReliableMessagingTest.updated(request, note))));
    }
}
