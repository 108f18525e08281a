package org.tredegar.logistics.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.tredegar.logistics.domain.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Deliveries ({@link DeliveryEntity}): trips from a pickup location to a request's area. In the caller's session or transaction. */
@ApplicationScoped
public class Deliveries {

    /** The delivery, or null. */
    public Uni<DeliveryEntity> find(UUID deliveryId) {
        return DeliveryEntity.findById(deliveryId);
    }

    /** The delivery locked until the transaction ends, or null. */
    public Uni<DeliveryEntity> lock(UUID deliveryId) {
        return DeliveryEntity.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The reservation's trips that have not started. */
    public Uni<List<DeliveryEntity>> scheduledFor(UUID reservationId) {
        return DeliveryEntity.list("reservationId = ?1 and status = ?2", reservationId, DeliveryStatus.SCHEDULED);
    }

    /** A hub's scheduled trips whose window opens in [from, to), in id order. */
    public Uni<List<DeliveryEntity>> scheduledInHub(UUID hubId, Instant from, Instant to) {
        return DeliveryEntity.list("hubId = ?1 and status = ?2 and windowFrom >= ?3 and windowFrom < ?4 order by id",
                hubId, DeliveryStatus.SCHEDULED, from, to);
    }
}
