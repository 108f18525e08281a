package org.tredegar.contracts.volunteers.v1;

import org.tredegar.contracts.Optional;
import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The volunteer (or a coordinator) gave the task back; the request needs matching again. */
public record AssignmentReleased(
        UUID assignmentId,
        UUID requestId,
        UUID volunteerId,
        UUID hubId,
        @Optional String reason,
        Instant occurredAt) implements TredegarEvent {

    public AssignmentReleased {
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
