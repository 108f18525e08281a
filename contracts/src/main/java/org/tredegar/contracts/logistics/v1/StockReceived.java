package org.tredegar.contracts.logistics.v1;

import org.tredegar.contracts.Optional;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ItemSlug;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Goods arrived at a stock location. */
public record StockReceived(
        UUID locationId,
        UUID hubId,
        ItemSlug item,
        int quantity,
        @Optional LocalDate expiresOn,
        Instant occurredAt) implements TredegarEvent {

    public StockReceived {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return locationId.toString();
    }
}
