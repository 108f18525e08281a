package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/**
 * The logistics read models: stock facts ({@code stock_movement}, {@code reservation_line},
 * {@code reservation_release}, {@code stock_report}) and trips ({@code delivery_state}).
 */
public final class SupplyFacts {
    /** The trip steps a delivery_state row records, each the latest time it was seen. */
    public enum TripStep {
        SCHEDULED("scheduled_at"), COMPLETED("completed_at"), FAILED("failed_at");

        private final String column;

        TripStep(String column) {
            this.column = column;
        }
    }

    private SupplyFacts() {
    }

    /** A stock movement, keyed by the event that made it (received or adjusted). */
    public static Uni<Void> movement(String eventId, UUID locationId, UUID hubId, String item, int delta, Instant at) {
        return run("INSERT INTO stock_movement (movement_id, location_id, item, hub_id, delta, occurred_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING", eventId, locationId, item, hubId, delta, at)
                .replaceWithVoid();
    }

    public static Uni<Void> reservedLine(UUID reservationId, UUID locationId, String item, UUID hubId, UUID requestId,
                                         int quantity, Instant at) {
        return run("INSERT INTO reservation_line (reservation_id, location_id, item, hub_id, "
                        + "request_id, quantity, reserved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
                reservationId, locationId, item, hubId, requestId, quantity, at).replaceWithVoid();
    }

    public static Uni<Void> released(UUID reservationId, Instant at) {
        return run("INSERT INTO reservation_release (reservation_id, released_at) VALUES (?1, ?2) "
                + "ON CONFLICT (reservation_id) DO UPDATE SET released_at = "
                + "LEAST(reservation_release.released_at, EXCLUDED.released_at)", reservationId, at).replaceWithVoid();
    }

    /** The latest LowStock report per location and item wins (ties: the larger figure). */
    public static Uni<Void> lowStock(UUID locationId, String item, UUID hubId, int available, int minimum, Instant at) {
        return run("INSERT INTO stock_report (location_id, item, hub_id, available, minimum, reported_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (location_id, item) DO UPDATE SET "
                + "available = EXCLUDED.available, minimum = EXCLUDED.minimum, reported_at = EXCLUDED.reported_at "
                + "WHERE (EXCLUDED.reported_at, EXCLUDED.available) > (stock_report.reported_at, stock_report.available)",
                locationId, item, hubId, available, minimum, at).replaceWithVoid();
    }

    /** A trip step; a failure's reason is kept (an empty reason changes nothing). */
    public static Uni<Void> trip(UUID deliveryId, UUID requestId, UUID hubId, TripStep step, Instant at, String reason) {
        String column = step.column;
        return run("INSERT INTO delivery_state (delivery_id, request_id, hub_id, " + column + ", reason) "
                + "VALUES (?1, ?2, ?3, ?4, NULLIF(?5, '')) ON CONFLICT (delivery_id) DO UPDATE SET " + column
                + " = GREATEST(delivery_state." + column + ", EXCLUDED." + column + "), "
                + "reason = COALESCE(EXCLUDED.reason, delivery_state.reason)", deliveryId, requestId, hubId, at,
                reason == null ? "" : reason).replaceWithVoid();
    }
}
