package org.tredegar.requests.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.IncomingEvent;
import org.tredegar.requests.domain.RequestTransitions;

import java.util.Set;

/**
 * A request follows its matching: accepted offer → matched, completed assignment → fulfilled, released
 * assignment → back in the queue (no blame: someone else is asked).
 */
@ApplicationScoped
public class VolunteerEventsConsumer {
    static final String CONSUMER = "requests";
    /** The event types handled below; the others on the topic are acknowledged unread (EventInbox). */
    static final Set<Class<? extends TredegarEvent>> HANDLED = Set.of(OfferAccepted.class, AssignmentCompleted.class, AssignmentReleased.class);

    @Inject
    EventInbox inbox;
    @Inject
    RequestTransitions transitions;

    @Incoming("volunteer-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, HANDLED, this::handle);
    }

    Uni<Void> handle(IncomingEvent event) {
        if (event.data() instanceof OfferAccepted accepted) {
            return transitions.matched(accepted.requestId(), accepted.assignmentId(), accepted.volunteerId(),
                    "volunteer:" + accepted.volunteerId()).replaceWithVoid();
        }
        if (event.data() instanceof AssignmentCompleted completed) {
            return transitions.fulfil(completed.requestId(), "volunteer:" + completed.volunteerId()).replaceWithVoid();
        }
        if (event.data() instanceof AssignmentReleased released) {
            return transitions.reopen(released.requestId(), "assignment released", "volunteer:" + released.volunteerId())
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
