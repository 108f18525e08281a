package org.tredegar.contracts.requests.v1;

import org.tredegar.contracts.Optional;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ItemQuantity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The requester or a coordinator changed what is needed. Absent fields did not change. */
public record RequestUpdated(
        UUID requestId,
        UUID hubId,
        @Optional String description,
        @Optional List<ItemQuantity> items,
        @Optional String updatedBy,
        Instant occurredAt) implements TredegarEvent {

    public RequestUpdated {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
        items = items == null ? null : List.copyOf(items);
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
