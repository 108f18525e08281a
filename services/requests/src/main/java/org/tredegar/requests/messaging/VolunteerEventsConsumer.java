package org.tredegar.requests.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.EventHandlers;
import org.tredegar.requests.domain.Actors;
import org.tredegar.requests.domain.RequestTransitions;

/**
 * A request follows its matching: accepted offer → matched, completed assignment → fulfilled, released
 * assignment → back in the queue (no blame: someone else is asked).
 */
@ApplicationScoped
public class VolunteerEventsConsumer {
    static final String CONSUMER = "requests";

    @Inject
    EventInbox inbox;
    @Inject
    RequestTransitions transitions;

    /** The types acted on; the others on the topic are acknowledged unread (EventInbox). */
    private final EventHandlers handlers = EventHandlers.empty()
            .on(OfferAccepted.class, e -> transitions.matched(e.requestId(), e.assignmentId(), e.volunteerId(),
                    Actors.volunteer(e.volunteerId())).replaceWithVoid())
            .on(AssignmentCompleted.class, e -> transitions.fulfil(e.requestId(), Actors.volunteer(e.volunteerId()))
                    .replaceWithVoid())
            .on(AssignmentReleased.class, e -> transitions.reopen(e.requestId(), "assignment released",
                    Actors.volunteer(e.volunteerId())).replaceWithVoid());

    @Incoming("volunteer-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, handlers);
    }
}
