package org.tredegar.volunteers.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestTriaged;
import org.tredegar.contracts.requests.v1.RequestsMerged;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.IncomingEvent;
import org.tredegar.volunteers.domain.OfferRounds;

import java.util.Set;

/**
 * Requests drive matching: a new request opens a round of offers, triage corrects it, escalation widens it, and
 * a request that is closed, cancelled, fulfilled or merged away stops it. Each event is handled once (inbox),
 * inside one transaction with its offers and their events.
 */
@ApplicationScoped
public class RequestEventsConsumer {
    public static final String CONSUMER = "volunteers";
    /** The event types handled below; the others on the topic are acknowledged unread (EventInbox). */
    static final Set<Class<? extends TredegarEvent>> HANDLED = Set.of(RequestSubmitted.class, RequestTriaged.class, RequestEscalated.class, RequestCancelled.class, RequestClosed.class, RequestFulfilled.class, RequestsMerged.class);

    @Inject
    EventInbox inbox;
    @Inject
    OfferRounds rounds;

    @Incoming("request-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, HANDLED, this::handle);
    }

    Uni<Void> handle(IncomingEvent event) {
        Object data = event.data();
        if (data instanceof RequestSubmitted submitted) {
            return rounds.submitted(submitted);
        }
        if (data instanceof RequestTriaged triaged) {
            return rounds.triaged(triaged);
        }
        if (data instanceof RequestEscalated escalated) {
            return rounds.escalated(escalated);
        }
        if (data instanceof RequestCancelled cancelled) {
            return rounds.closed(cancelled.requestId());
        }
        if (data instanceof RequestClosed closed) {
            return rounds.closed(closed.requestId());
        }
        if (data instanceof RequestFulfilled fulfilled) {
            return rounds.closed(fulfilled.requestId());
        }
        if (data instanceof RequestsMerged merged) {
            return rounds.closed(merged.mergedRequestId());
        }
        return Uni.createFrom().voidItem();
    }
}
