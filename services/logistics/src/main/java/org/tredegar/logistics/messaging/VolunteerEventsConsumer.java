package org.tredegar.logistics.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.logistics.domain.Reservations;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.EventHandlers;

/** An accepted offer names who carries a request's reserved supplies: a delivery is scheduled for them. */
@ApplicationScoped
public class VolunteerEventsConsumer {
    static final String CONSUMER = "logistics";

    @Inject
    EventInbox inbox;
    @Inject
    Reservations reservations;

    /** The types acted on; the others on the topic are acknowledged unread (EventInbox). */
    private final EventHandlers handlers = EventHandlers.empty()
            .on(OfferAccepted.class, e -> reservations.onOfferAccepted(e));

    @Incoming("volunteer-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, handlers);
    }
}
