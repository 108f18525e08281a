package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.platform.inbox.EventInbox;

/**
 * Idempotent consumers of the three topics this service reads, handled alike ({@link EventRouter}); poison and
 * exhausted retries go to each channel's dead-letter topic. One method per channel, as SmallRye wants.
 */
@ApplicationScoped
public class EventConsumers {
    @Inject
    EventInbox inbox;
    @Inject
    EventRouter router;

    @Incoming("request-events")
    public Uni<Void> requestEvents(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    @Incoming("volunteer-events")
    public Uni<Void> volunteerEvents(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    @Incoming("logistics-events")
    public Uni<Void> logisticsEvents(ConsumerRecord<String, byte[]> record) {
        return consume(record);
    }

    private Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, EventRouter.CONSUMER, router::handle);
    }
}
