package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A coordinator confirmed or corrected the category and urgency. */
public record RequestTriaged(
        UUID requestId,
        UUID hubId,
        HelpCategory category,
        Urgency urgency,
        String triagedBy,
        Instant occurredAt) implements TredegarEvent {

    public RequestTriaged {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
