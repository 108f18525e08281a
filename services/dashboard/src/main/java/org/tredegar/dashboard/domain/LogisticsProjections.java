package org.tredegar.dashboard.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.logistics.v1.DeliveryCompleted;
import org.tredegar.contracts.logistics.v1.DeliveryFailed;
import org.tredegar.contracts.logistics.v1.DeliveryScheduled;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.logistics.v1.StockAdjusted;
import org.tredegar.contracts.logistics.v1.StockReceived;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.dashboard.persistence.DeliveryStates;
import org.tredegar.dashboard.persistence.RequestStates;
import org.tredegar.dashboard.persistence.ReservationLines;
import org.tredegar.dashboard.persistence.ReservationReleases;
import org.tredegar.dashboard.persistence.StockMovements;
import org.tredegar.dashboard.persistence.StockReports;
import org.tredegar.dashboard.persistence.VolunteerActivity;

import java.time.Instant;

/** Events of tredegar.logistics.v1: stock movements and reports, reservations, delivery trips. */
@ApplicationScoped
class LogisticsProjections {
    @Inject
    StockMovements movements;
    @Inject
    StockReports reports;
    @Inject
    ReservationLines reservations;
    @Inject
    ReservationReleases releases;
    @Inject
    DeliveryStates deliveries;
    @Inject
    RequestStates requests;
    @Inject
    VolunteerActivity activity;

    void register(ProjectionTable table) {
        table.on(StockReceived.class, StockReceived::occurredAt, (e, at, envelope) -> movements.moved(envelope.id(),
                        e.locationId(), e.hubId(), e.item().slug(), e.quantity(), at))
                .on(StockAdjusted.class, StockAdjusted::occurredAt, (e, at, envelope) -> movements.moved(envelope.id(),
                        e.locationId(), e.hubId(), e.item().slug(), e.delta(), at))
                .on(StockReserved.class, StockReserved::occurredAt, (e, at, envelope) -> reserved(e, at))
                .on(ReservationReleased.class, ReservationReleased::occurredAt, (e, at, envelope) ->
                        releases.released(e.reservationId(), at))
                .on(ReservationFailed.class, ReservationFailed::occurredAt, (e, at, envelope) ->
                        requests.step(e.requestId(), e.hubId(), RequestStates.Step.RESERVATION_FAILED, at))
                .on(DeliveryScheduled.class, DeliveryScheduled::occurredAt, (e, at, envelope) -> deliveries.step(
                                e.deliveryId(), e.requestId(), e.hubId(), DeliveryStates.Step.SCHEDULED, at, null)
                        .chain(() -> activity.active(e.volunteerId(), e.hubId(), at)))
                .on(DeliveryCompleted.class, DeliveryCompleted::occurredAt, (e, at, envelope) -> deliveries.step(
                        e.deliveryId(), e.requestId(), e.hubId(), DeliveryStates.Step.COMPLETED, at, null))
                .on(DeliveryFailed.class, DeliveryFailed::occurredAt, (e, at, envelope) -> deliveries.step(
                        e.deliveryId(), e.requestId(), e.hubId(), DeliveryStates.Step.FAILED, at, e.reason()))
                .on(LowStock.class, LowStock::occurredAt, (e, at, envelope) -> reports.lowStock(e.locationId(),
                        e.item().slug(), e.hubId(), e.available(), e.minimum(), at));
    }

    private Uni<Void> reserved(StockReserved e, Instant at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StockReserved.ReservedLine line : e.lines()) {
            chain = chain.chain(() -> reservations.reserved(e.reservationId(), line.locationId(), line.item().slug(),
                    e.hubId(), e.requestId(), line.quantity(), at));
        }
        return chain;
    }
}
