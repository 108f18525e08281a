package org.tredegar.dashboard.domain;

import io.smallrye.mutiny.Uni;
import org.tredegar.contracts.logistics.v1.DeliveryCompleted;
import org.tredegar.contracts.logistics.v1.DeliveryFailed;
import org.tredegar.contracts.logistics.v1.DeliveryScheduled;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.logistics.v1.StockAdjusted;
import org.tredegar.contracts.logistics.v1.StockReceived;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.dashboard.persistence.RequestStates;
import org.tredegar.dashboard.persistence.SupplyFacts;
import org.tredegar.dashboard.persistence.SupplyFacts.TripStep;

import java.time.Instant;

import static org.tredegar.dashboard.domain.VolunteerProjections.active;

/** Events of tredegar.logistics.v1: stock movements and reports, reservations, trips. */
final class SupplyProjections {
    private SupplyProjections() {
    }

    static void register(ProjectionTable table) {
        table.on(StockReceived.class, StockReceived::occurredAt, (e, at, envelope) -> SupplyFacts.movement(envelope.id(), e.locationId(), e.hubId(),
                        e.item().slug(), e.quantity(), at))
                .on(StockAdjusted.class, StockAdjusted::occurredAt, (e, at, envelope) -> SupplyFacts.movement(envelope.id(), e.locationId(), e.hubId(),
                        e.item().slug(), e.delta(), at))
                .on(StockReserved.class, StockReserved::occurredAt, (e, at, envelope) -> reserved(e, at))
                .on(ReservationReleased.class, ReservationReleased::occurredAt, (e, at, envelope) -> SupplyFacts.released(e.reservationId(), at))
                .on(ReservationFailed.class, ReservationFailed::occurredAt, (e, at, envelope) ->
                        RequestStates.step(e.requestId(), e.hubId(), RequestStates.Step.RESERVATION_FAILED, at))
                .on(DeliveryScheduled.class, DeliveryScheduled::occurredAt, (e, at, envelope) -> SupplyFacts.trip(e.deliveryId(), e.requestId(),
                        e.hubId(), TripStep.SCHEDULED, at, "").chain(() -> active(e.volunteerId(), e.hubId(), at)))
                .on(DeliveryCompleted.class, DeliveryCompleted::occurredAt, (e, at, envelope) -> SupplyFacts.trip(e.deliveryId(), e.requestId(),
                        e.hubId(), TripStep.COMPLETED, at, ""))
                .on(DeliveryFailed.class, DeliveryFailed::occurredAt, (e, at, envelope) -> SupplyFacts.trip(e.deliveryId(), e.requestId(),
                        e.hubId(), TripStep.FAILED, at, e.reason()))
                .on(LowStock.class, LowStock::occurredAt, (e, at, envelope) -> SupplyFacts.lowStock(e.locationId(), e.item().slug(), e.hubId(),
                        e.available(), e.minimum(), at));
    }

    private static Uni<Void> reserved(StockReserved e, Instant at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StockReserved.ReservedLine line : e.lines()) {
            chain = chain.chain(() -> SupplyFacts.reservedLine(e.reservationId(), line.locationId(), line.item().slug(),
                    e.hubId(), e.requestId(), line.quantity(), at));
        }
        return chain;
    }
}
