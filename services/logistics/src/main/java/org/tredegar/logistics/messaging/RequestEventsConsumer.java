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
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.IncomingEvent;

import java.util.Set;

/** Requests drive the reservation saga: submitted → reserve; cancelled or closed before delivery → release. */
@ApplicationScoped
public class RequestEventsConsumer {
    static final String CONSUMER = "logistics";
    /** The event types handled below; the others on the topic are acknowledged unread (EventInbox). */
    static final Set<Class<? extends TredegarEvent>> HANDLED = Set.of(RequestSubmitted.class, RequestCancelled.class, RequestClosed.class);

    @Inject
    EventInbox inbox;
    @Inject
    Reservations reservations;

    @Incoming("request-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, HANDLED, this::handle);
    }

    Uni<Void> handle(IncomingEvent event) {
        if (event.data() instanceof RequestSubmitted submitted) {
            return reservations.onRequestSubmitted(submitted);
        }
        if (event.data() instanceof RequestCancelled cancelled) {
            return reservations.release(cancelled.requestId(), "request-cancelled");
        }
        if (event.data() instanceof RequestClosed closed) {
            return reservations.release(closed.requestId(), "request-closed");
        }
        return Uni.createFrom().voidItem();
    }
}
