package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The matched volunteer started on the request. */
public record RequestInProgress(
        UUID requestId,
        UUID hubId,
        UUID volunteerId,
        Instant occurredAt) implements TredegarEvent {

    public RequestInProgress {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
