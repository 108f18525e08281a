package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Time to ask the requester whether the help arrived; notifications decides whether it can reach them. */
public record FollowUpDue(
        UUID requestId,
        UUID hubId,
        String language,
        Instant occurredAt) implements TredegarEvent {

    public FollowUpDue {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
