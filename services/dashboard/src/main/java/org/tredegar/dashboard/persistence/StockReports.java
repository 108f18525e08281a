package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** The latest LowStock report per location and item ({@code stock_report}): the anchor of the stock estimate. */
@ApplicationScoped
public class StockReports {
    /** The latest report wins (ties: the larger figure). */
    public Uni<Void> lowStock(UUID locationId, String item, UUID hubId, int available, int minimum, Instant at) {
        return run("INSERT INTO stock_report (location_id, item, hub_id, available, minimum, reported_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (location_id, item) DO UPDATE SET "
                + "available = EXCLUDED.available, minimum = EXCLUDED.minimum, reported_at = EXCLUDED.reported_at "
                + "WHERE (EXCLUDED.reported_at, EXCLUDED.available) > (stock_report.reported_at, stock_report.available)",
                locationId, item, hubId, available, minimum, at).replaceWithVoid();
    }
}
