package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.Optional;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Nobody took the request in time; each level widens who is asked. */
public record RequestEscalated(
        UUID requestId,
        UUID hubId,
        int level,
        Urgency urgency,
        HelpCategory category,
        @Optional GeoPoint location,
        Instant occurredAt) implements TredegarEvent {

    public RequestEscalated {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("level must be 1, 2 or 3, was " + level);
        }
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
