package org.tredegar.logistics.api;

import org.tredegar.logistics.persistence.DeliveryEntity;

import java.time.Instant;
import java.util.UUID;

public record DeliveryView(UUID id, UUID requestId, UUID hubId, UUID pickupLocationId, UUID volunteerId, String status,
                           Instant windowFrom, Instant windowTo, Instant pickedUpAt, Instant finishedAt) {
    public static DeliveryView of(DeliveryEntity d) {
        return new DeliveryView(d.id, d.requestId, d.hubId, d.pickupLocationId, d.volunteerId, d.status.slug(),
                d.windowFrom, d.windowTo, d.pickedUpAt, d.finishedAt);
    }
}
