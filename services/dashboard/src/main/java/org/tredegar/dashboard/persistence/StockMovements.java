package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** Stock received or adjusted at a location ({@code stock_movement}), one row per event that moved it. */
@ApplicationScoped
public class StockMovements {
    /** Keyed by the CloudEvent id: the same event twice is one movement, a second movement is a second event. */
    public Uni<Void> moved(String eventId, UUID locationId, UUID hubId, String item, int delta, Instant at) {
        return run("INSERT INTO stock_movement (movement_id, location_id, item, hub_id, delta, occurred_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING", eventId, locationId, item, hubId, delta, at)
                .replaceWithVoid();
    }
}
