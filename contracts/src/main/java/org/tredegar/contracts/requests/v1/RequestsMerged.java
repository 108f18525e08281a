package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Two requests turned out to be the same need; requestId survives, mergedRequestId is closed. */
public record RequestsMerged(
        UUID requestId,
        UUID hubId,
        UUID mergedRequestId,
        String mergedBy,
        Instant occurredAt) implements TredegarEvent {

    public RequestsMerged {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
