package org.tredegar.logistics.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.logistics.domain.Reservations;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.EventHandlers;

/** Requests drive the reservation saga: submitted → reserve; cancelled or closed before delivery → release. */
@ApplicationScoped
public class RequestEventsConsumer {
    static final String CONSUMER = "logistics";

    @Inject
    EventInbox inbox;
    @Inject
    Reservations reservations;

    /** The types acted on; the others on the topic are acknowledged unread (EventInbox). */
    private final EventHandlers handlers = EventHandlers.empty()
            .on(RequestSubmitted.class, e -> reservations.onRequestSubmitted(e))
            .on(RequestCancelled.class, e -> reservations.release(e.requestId(), "request-cancelled"))
            .on(RequestClosed.class, e -> reservations.release(e.requestId(), "request-closed"));

    @Incoming("request-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, handlers);
    }
}
