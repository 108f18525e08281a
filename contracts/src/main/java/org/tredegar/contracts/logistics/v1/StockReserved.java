package org.tredegar.contracts.logistics.v1;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ItemSlug;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Stock was set aside for a request. */
public record StockReserved(
        UUID reservationId,
        UUID requestId,
        UUID hubId,
        List<ReservedLine> lines,
        Instant occurredAt) implements TredegarEvent {

    public StockReserved {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
        lines = List.copyOf(lines);
    }

    /** Keyed by request so that reservation and delivery steps of one request are read in order. */
    @Override
    public String aggregateId() {
        return requestId.toString();
    }

    /** One item taken from one location; a reservation may draw on several locations. */
    public record ReservedLine(UUID locationId, ItemSlug item, int quantity) {

        public ReservedLine {
            Objects.requireNonNull(locationId, "locationId");
            Objects.requireNonNull(item, "item");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
            }
        }
    }
}
