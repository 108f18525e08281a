package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A closed or cancelled request needs work again. */
public record RequestReopened(
        UUID requestId,
        UUID hubId,
        String reason,
        Instant occurredAt) implements TredegarEvent {

    public RequestReopened {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
