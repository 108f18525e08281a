package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.Optional;
import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The request was withdrawn before it was fulfilled. */
public record RequestCancelled(
        UUID requestId,
        UUID hubId,
        String reason,
        @Optional String cancelledBy,
        Instant occurredAt) implements TredegarEvent {

    public RequestCancelled {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
