package org.tredegar.logistics.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.logistics.domain.Reservations;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.IncomingEvent;

import java.util.Set;

/** An accepted offer names who carries a request's reserved supplies: a delivery is scheduled for them. */
@ApplicationScoped
public class VolunteerEventsConsumer {
    static final String CONSUMER = "logistics";
    /** The event types handled below; the others on the topic are acknowledged unread (EventInbox). */
    static final Set<Class<? extends TredegarEvent>> HANDLED = Set.of(OfferAccepted.class);

    @Inject
    EventInbox inbox;
    @Inject
    Reservations reservations;

    @Incoming("volunteer-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, HANDLED, this::handle);
    }

    Uni<Void> handle(IncomingEvent event) {
        if (event.data() instanceof OfferAccepted accepted) {
            return reservations.onOfferAccepted(accepted);
        }
        return Uni.createFrom().voidItem();
    }
}
