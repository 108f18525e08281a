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
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.EventHandlers;
import org.tredegar.volunteers.domain.OfferRounds;

/**
 * Requests drive matching: a new request opens a round of offers, triage corrects it, escalation widens it, and
 * a request that is closed, cancelled, fulfilled or merged away stops it. Each event is handled once (inbox),
 * inside one transaction with its offers and their events.
 */
@ApplicationScoped
public class RequestEventsConsumer {
    public static final String CONSUMER = "volunteers";

    @Inject
    EventInbox inbox;
    @Inject
    OfferRounds rounds;

    /** The types acted on; the others on the topic are acknowledged unread (EventInbox). */
    private final EventHandlers handlers = EventHandlers.empty()
            .on(RequestSubmitted.class, e -> rounds.submitted(e))
            .on(RequestTriaged.class, e -> rounds.triaged(e))
            .on(RequestEscalated.class, e -> rounds.escalated(e))
            .on(RequestCancelled.class, e -> rounds.closed(e.requestId()))
            .on(RequestClosed.class, e -> rounds.closed(e.requestId()))
            .on(RequestFulfilled.class, e -> rounds.closed(e.requestId()))
            .on(RequestsMerged.class, e -> rounds.closed(e.mergedRequestId()));

    @Incoming("request-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, handlers);
    }
}
