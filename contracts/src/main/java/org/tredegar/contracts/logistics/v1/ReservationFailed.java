package org.tredegar.contracts.logistics.v1;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ItemQuantity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Not enough stock for a request; missing lists what could not be reserved. */
public record ReservationFailed(
        UUID requestId,
        UUID hubId,
        List<ItemQuantity> missing,
        Instant occurredAt) implements TredegarEvent {

    public ReservationFailed {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
        missing = List.copyOf(missing);
    }

    /** Keyed by request so that reservation and delivery steps of one request are read in order. */
    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
