package org.tredegar.logistics.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.logistics.domain.ReservationSaga;
import org.tredegar.platform.inbox.EventHandlers;
import org.tredegar.platform.inbox.EventInbox;

/**
 * The other services' events that drive the reservation saga, each through the idempotent inbox of consumer group
 * {@value #CONSUMER} (one channel per topic, see application.properties).
 */
@ApplicationScoped
public class SagaEventsConsumer {
    static final String CONSUMER = "logistics";

    @Inject
    EventInbox inbox;
    @Inject
    ReservationSaga saga;

    /**
     * Requests: submitted → reserve; cancelled or closed before delivery → release. The types acted on; the others
     * on the topic are acknowledged unread (EventInbox).
     */
    private final EventHandlers requestEvents = EventHandlers.empty()
            .on(RequestSubmitted.class, e -> saga.onRequestSubmitted(e))
            .on(RequestCancelled.class, e -> saga.release(e.requestId(), ReservationSaga.REQUEST_CANCELLED))
            .on(RequestClosed.class, e -> saga.release(e.requestId(), ReservationSaga.REQUEST_CLOSED));

    /** An accepted offer names who carries a request's reserved supplies: a delivery is scheduled for them. */
    private final EventHandlers volunteerEvents = EventHandlers.empty()
            .on(OfferAccepted.class, e -> saga.onOfferAccepted(e));

    @Incoming("request-events")
    public Uni<Void> consumeRequestEvent(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, requestEvents);
    }

    @Incoming("volunteer-events")
    public Uni<Void> consumeVolunteerEvent(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, volunteerEvents);
    }
}
