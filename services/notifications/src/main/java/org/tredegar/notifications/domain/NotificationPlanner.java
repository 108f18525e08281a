package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.notifications.persistence.NotificationEntity;
import org.tredegar.platform.inbox.IncomingEvent;

import java.time.Instant;
import java.util.UUID;

/** Decides who is told what about an event, and records it as pending before any message goes out. */
@ApplicationScoped
public class NotificationPlanner {
    public static final String REQUEST_RECEIVED = "request-received";

    public Uni<Void> plan(IncomingEvent event) {
        if (event.data() instanceof RequestSubmitted submitted && submitted.hasContact()) {
            return pending(event, submitted.hubId(), REQUEST_RECEIVED, "requester", submitted.requestId(),
                    submitted.language(), submitted.urgency() == Urgency.LIFE_SAFETY || submitted.urgency() == Urgency.URGENT);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> pending(IncomingEvent cause, UUID hubId, String kind, String recipientType, UUID recipientRef,
                              String language, boolean urgent) {
        NotificationEntity n = new NotificationEntity();
        n.id = UUID.randomUUID();
        n.hubId = hubId;
        n.kind = kind;
        n.recipientType = recipientType;
        n.recipientRef = recipientRef;
        n.language = language;
        n.urgent = urgent;
        n.status = "pending";
        n.causationEventId = cause.id();
        n.createdAt = Instant.now();
        n.updatedAt = n.createdAt;
        return n.persist().replaceWithVoid();
    }
}
