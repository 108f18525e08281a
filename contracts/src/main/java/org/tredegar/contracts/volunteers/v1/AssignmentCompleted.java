package org.tredegar.contracts.volunteers.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The volunteer reported the task done. */
public record AssignmentCompleted(
        UUID assignmentId,
        UUID requestId,
        UUID volunteerId,
        UUID hubId,
        Instant occurredAt) implements TredegarEvent {

    public AssignmentCompleted {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    /**
     * Offers and assignments are keyed by request, not by offer or volunteer, so that every matching step of one
     * request is read in order.
     */
    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
