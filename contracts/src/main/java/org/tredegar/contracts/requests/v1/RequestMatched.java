package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A volunteer accepted an offer for the request. */
public record RequestMatched(
        UUID requestId,
        UUID hubId,
        UUID assignmentId,
        UUID volunteerId,
        Instant occurredAt) implements TredegarEvent {

    public RequestMatched {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
