package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.platform.inbox.EventInbox;

/** Idempotent consumer of the request-events channel; poison and exhausted retries go to its dead-letter topic. */
@ApplicationScoped
public class RequestEventsConsumer {
    @Inject
    EventInbox inbox;
    @Inject
    EventRouter router;

    @Incoming("request-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, EventRouter.CONSUMER, router::handle);
    }
}
