package org.tredegar.contracts.logistics.v1;

import org.tredegar.contracts.Optional;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.TimeWindow;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A volunteer will take reserved stock from a location to the requester. */
public record DeliveryScheduled(
        UUID deliveryId,
        UUID requestId,
        UUID hubId,
        UUID pickupLocationId,
        UUID volunteerId,
        @Optional TimeWindow window,
        Instant occurredAt) implements TredegarEvent {

    public DeliveryScheduled {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(hubId, "hubId");
    }

    /** Keyed by request so that reservation and delivery steps of one request are read in order. */
    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
