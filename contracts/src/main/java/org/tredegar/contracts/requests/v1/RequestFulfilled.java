package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.Optional;
import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The help was given. */
public record RequestFulfilled(
        UUID requestId,
        UUID hubId,
        @Optional UUID volunteerId,
        Instant occurredAt) implements TredegarEvent {

    public RequestFulfilled {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
