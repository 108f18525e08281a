package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.dashboard.domain.HubSnapshot.StockLevel;

import java.util.List;
import java.util.UUID;

/**
 * Estimated available stock per location and item, read from the four stock read models together
 * ({@link StockReports}, {@link StockMovements}, {@link ReservationLines}, {@link ReservationReleases}): writes
 * none of its own.
 */
@ApplicationScoped
public class StockEstimates {
    @Inject
    Reads reads;

    /**
     * The latest LowStock report, plus movements after it (received, adjusted, reserved, released); without a
     * report, a running sum. Minimum is -1 where no report said it.
     */
    public Uni<List<StockLevel>> levels(UUID hubId) {
        return reads.list("""
                WITH keys AS (
                    SELECT location_id, item FROM stock_report WHERE hub_id = $1
                    UNION SELECT location_id, item FROM stock_movement WHERE hub_id = $1
                    UNION SELECT location_id, item FROM reservation_line WHERE hub_id = $1)
                SELECT k.location_id, k.item, COALESCE(r.minimum, -1) AS minimum,
                       COALESCE(r.available, 0)
                     + COALESCE((SELECT sum(m.delta) FROM stock_movement m WHERE m.location_id = k.location_id
                          AND m.item = k.item AND (r.reported_at IS NULL OR m.occurred_at > r.reported_at)), 0)
                     - COALESCE((SELECT sum(l.quantity) FROM reservation_line l WHERE l.location_id = k.location_id
                          AND l.item = k.item AND (r.reported_at IS NULL OR l.reserved_at > r.reported_at)), 0)
                     + COALESCE((SELECT sum(l.quantity) FROM reservation_line l
                          JOIN reservation_release x ON x.reservation_id = l.reservation_id
                          WHERE l.location_id = k.location_id AND l.item = k.item
                          AND (r.reported_at IS NULL OR x.released_at > r.reported_at)), 0) AS available
                FROM keys k LEFT JOIN stock_report r ON r.location_id = k.location_id AND r.item = k.item
                ORDER BY k.item, k.location_id
                """, row -> new StockLevel(row.getUUID("location_id"), row.getString("item"),
                Reads.count(row, "available"), row.getInteger("minimum")), hubId);
    }
}
