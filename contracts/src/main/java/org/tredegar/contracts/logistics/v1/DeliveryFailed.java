package org.tredegar.contracts.logistics.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The delivery could not be made; the stock is still reserved. */
public record DeliveryFailed(
        UUID deliveryId,
        UUID requestId,
        UUID hubId,
        String reason,
        Instant occurredAt) implements TredegarEvent {

    public DeliveryFailed {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    /** Keyed by request so that reservation and delivery steps of one request are read in order. */
    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
