package org.tredegar.platform.inbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.InvalidEventException;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import org.tredegar.platform.outbox.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A consumer that names the types it handles acknowledges the others from their envelope alone: no body read, no
 * handler, no transaction (nothing here has a database, so a transaction would fail the test). What it handles,
 * and what is not an event of the catalog, still goes through the checks and is poison when broken.
 */
class EventInboxSkipTest {
    private final AtomicInteger handled = new AtomicInteger();
    private final EventHandlers handlers = EventHandlers.empty().on(OfferAccepted.class, e -> {
        handled.incrementAndGet();
        return Uni.createFrom().voidItem();
    });

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventInbox inbox = inbox();

    @Test
    void aTypeTheConsumerDoesNotHandleIsAcknowledgedUnread() {
        inbox.process(record(EventCatalog.of(VolunteerRegistered.class).type(), "not even JSON"), "requests", handlers)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(handled).hasValue(0);
        assertThat(meters.counter("tredegar.inbox.skipped", "consumer", "requests").count()).isEqualTo(1.0);
    }

    @Test
    void aHandledTypeThatIsBrokenIsStillPoison() {
        assertThatThrownBy(() -> inbox.process(record(EventCatalog.of(OfferAccepted.class).type(), "{\"offerId\":42}"),
                "requests", handlers).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("does not match");
        assertThat(meters.counter("tredegar.inbox.poison", "consumer", "requests").count()).isEqualTo(1.0);
    }

    @Test
    void anUnknownTypeIsStillPoison() {
        assertThatThrownBy(() -> inbox.process(record("org.tredegar.nothing.Like.v1", "{}"), "requests", handlers)
                .await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown event type");
    }

    @Test
    void handlersActOnTheirOwnTypeOnlyAndOneHandlerPerType() {
        OfferAccepted accepted = new OfferAccepted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), java.time.Instant.now());
        handlers.handle(new IncomingEvent(UUID.randomUUID().toString(), EventCatalog.of(OfferAccepted.class),
                java.time.Instant.now(), accepted)).await().atMost(Duration.ofSeconds(5));
        assertThat(handled).hasValue(1);
        assertThat(handlers.handles(OfferAccepted.class)).isTrue();
        assertThat(handlers.handles(VolunteerRegistered.class)).isFalse();
        assertThatThrownBy(() -> handlers.on(OfferAccepted.class, e -> Uni.createFrom().voidItem()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private EventInbox inbox() {
        EventInbox inbox = new EventInbox();
        inbox.meters = meters;
        inbox.retries = 0;
        inbox.initialBackoff = Duration.ofMillis(1);
        return inbox;
    }

    private static ConsumerRecord<String, byte[]> record(String type, String body) {
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>("tredegar.volunteers.v1", 0, 0, "key",
                body.getBytes(StandardCharsets.UTF_8));
        r.headers().add(new RecordHeader(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        r.headers().add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
        return r;
    }
}
