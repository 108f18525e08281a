package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The request needs no further work (after fulfilment and follow-up, or as a duplicate). */
public record RequestClosed(
        UUID requestId,
        UUID hubId,
        String reason,
        Instant occurredAt) implements TredegarEvent {

    public RequestClosed {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
