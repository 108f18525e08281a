package org.tredegar.logistics.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.logistics.v1.DeliveryScheduled;
import org.tredegar.contracts.model.TimeWindow;
import org.tredegar.logistics.persistence.Deliveries;
import org.tredegar.logistics.persistence.DeliveryEntity;
import org.tredegar.logistics.persistence.ReservationEntity;
import org.tredegar.logistics.persistence.ReservationLines;
import org.tredegar.platform.outbox.OutboxWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Trips from a pickup location to a request's area, scheduled when a volunteer accepted and the stock is set aside
 * (what happens on the trip: {@link DeliveryProgress}). In the saga's transaction.
 */
@ApplicationScoped
public class DeliveryScheduling {
    @Inject
    OutboxWriter outbox;
    @Inject
    Deliveries deliveries;
    @Inject
    ReservationLines reservationLines;

    /** Without a window from the request, the trip is due within this time of the volunteer accepting. */
    @ConfigProperty(name = "tredegar.logistics.default-window", defaultValue = "PT4H")
    Duration defaultWindow;

    /** One trip per pickup location still holding reserved lines; an earlier volunteer's unstarted trips end. */
    public Uni<Void> schedule(ReservationEntity r) {
        return cancelScheduled(r.id)
                .chain(() -> reservationLines.inState(r.id, ReservationLineState.RESERVED))
                .chain(lines -> {
                    Instant now = Instant.now();
                    Instant from = r.windowTo != null && r.windowTo.isAfter(now) ? r.windowFrom : now;
                    Instant to = r.windowTo != null && r.windowTo.isAfter(now) ? r.windowTo : now.plus(defaultWindow);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID location : new TreeSet<>(lines.stream().map(l -> l.locationId).toList())) {
                        DeliveryEntity d = new DeliveryEntity();
                        d.id = UUID.randomUUID();
                        d.reservationId = r.id;
                        d.requestId = r.requestId;
                        d.hubId = r.hubId;
                        d.pickupLocationId = location;
                        d.volunteerId = r.volunteerId;
                        d.assignmentId = r.assignmentId;
                        d.status = DeliveryStatus.SCHEDULED;
                        d.destLat = r.destLat;
                        d.destLon = r.destLon;
                        d.area = r.area;
                        d.windowFrom = from;
                        d.windowTo = to;
                        d.createdAt = now;
                        chain = chain.chain(() -> d.persist())
                                .chain(() -> outbox.append(new DeliveryScheduled(d.id, d.requestId, d.hubId, location,
                                        d.volunteerId, new TimeWindow(from, to), now)))
                                .replaceWithVoid();
                    }
                    return chain;
                });
    }

    /** The reservation's trips that have not started are cancelled (released, or another volunteer took over). */
    public Uni<Void> cancelScheduled(UUID reservationId) {
        return deliveries.scheduledFor(reservationId).map(open -> {
            open.forEach(d -> {
                d.status = DeliveryStatus.CANCELLED;
                d.finishedAt = Instant.now();
            });
            return null;
        });
    }
}
