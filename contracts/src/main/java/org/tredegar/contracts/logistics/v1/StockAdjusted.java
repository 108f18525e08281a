package org.tredegar.contracts.logistics.v1;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ItemSlug;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stock count was corrected (breakage, expiry, recount). */
public record StockAdjusted(
        UUID locationId,
        UUID hubId,
        ItemSlug item,
        int delta,
        String reason,
        Instant occurredAt) implements TredegarEvent {

    public StockAdjusted {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return locationId.toString();
    }
}
