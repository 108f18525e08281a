package org.tredegar.contracts.logistics.v1;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ItemSlug;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Available stock of an item at a location fell below its minimum. */
public record LowStock(
        UUID locationId,
        UUID hubId,
        ItemSlug item,
        int available,
        int minimum,
        Instant occurredAt) implements TredegarEvent {

    public LowStock {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return locationId.toString();
    }
}
