package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.dashboard.domain.MapLayout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** One row per volunteer ({@code volunteer_state}): registered since, on duty or not, and the home cell. */
@ApplicationScoped
public class VolunteerStates {
    /** Volunteers holding a request of the hub ($1): assigned, so not free. */
    private static final String ASSIGNED = "WITH assigned AS (SELECT DISTINCT holder_id AS volunteer_id FROM request_view "
            + "WHERE hub_id = $1 AND status IN " + RequestView.HELD + " AND holder_id IS NOT NULL) ";

    /** Volunteers on duty, assigned and free; offers waiting for an answer; requests waiting for a volunteer. */
    public record SupplyCounts(long onDuty, long assigned, long available, long offers, long unmatched) {
    }

    @Inject
    Reads reads;

    /** First registration is kept. */
    public Uni<Void> registered(UUID volunteerId, UUID hubId, Instant at) {
        return run("INSERT INTO volunteer_state (volunteer_id, hub_id, registered_at) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (volunteer_id) DO UPDATE SET registered_at = "
                + "LEAST(volunteer_state.registered_at, EXCLUDED.registered_at)", volunteerId, hubId, at).replaceWithVoid();
    }

    /** First registration is kept; the home cell is the latest registration's (ties: the larger point). */
    public Uni<Void> registeredAt(UUID volunteerId, UUID hubId, Instant at, double lat, double lon) {
        String newer = "(volunteer_state.home_at IS NULL OR (EXCLUDED.home_at, EXCLUDED.home_lat, EXCLUDED.home_lon) > "
                + "(volunteer_state.home_at, volunteer_state.home_lat, volunteer_state.home_lon))";
        return run("INSERT INTO volunteer_state (volunteer_id, hub_id, registered_at, home_lat, home_lon, home_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (volunteer_id) DO UPDATE SET registered_at = "
                + "LEAST(volunteer_state.registered_at, EXCLUDED.registered_at), "
                + "home_lat = CASE WHEN " + newer + " THEN EXCLUDED.home_lat ELSE volunteer_state.home_lat END, "
                + "home_lon = CASE WHEN " + newer + " THEN EXCLUDED.home_lon ELSE volunteer_state.home_lon END, "
                + "home_at = CASE WHEN " + newer + " THEN EXCLUDED.home_at ELSE volunteer_state.home_at END",
                volunteerId, hubId, at, lat, lon, at).replaceWithVoid();
    }

    /** Last writer wins on the event time; at the same instant "on duty" wins, so order cannot matter. */
    public Uni<Void> duty(UUID volunteerId, UUID hubId, boolean onDuty, Instant at) {
        return run("INSERT INTO volunteer_state (volunteer_id, hub_id, on_duty, duty_at) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT (volunteer_id) DO UPDATE SET on_duty = CASE "
                + "WHEN volunteer_state.duty_at IS NULL OR EXCLUDED.duty_at > volunteer_state.duty_at THEN EXCLUDED.on_duty "
                + "WHEN EXCLUDED.duty_at = volunteer_state.duty_at THEN volunteer_state.on_duty OR EXCLUDED.on_duty "
                + "ELSE volunteer_state.on_duty END, duty_at = GREATEST(volunteer_state.duty_at, EXCLUDED.duty_at)",
                volunteerId, hubId, onDuty, at).replaceWithVoid();
    }

    /** The supply side of the hub in one query (volunteers, offers, unmatched requests): one round trip. */
    public Uni<SupplyCounts> supply(UUID hubId) {
        return reads.one(ASSIGNED + """
                SELECT (SELECT count(*) FROM volunteer_state WHERE hub_id = $1 AND on_duty) AS on_duty,
                       (SELECT count(*) FROM assigned) AS assigned,
                       (SELECT count(*) FROM volunteer_state v WHERE hub_id = $1 AND on_duty
                          AND NOT EXISTS (SELECT 1 FROM assigned a WHERE a.volunteer_id = v.volunteer_id)) AS available,
                       (SELECT count(*) FROM offer_state WHERE hub_id = $1 AND made_at IS NOT NULL AND answered_at IS NULL
                          AND expires_at > now()) AS offers,
                       (SELECT count(*) FROM request_view WHERE hub_id = $1 AND status IN %s) AS unmatched
                """.formatted(RequestView.UNMATCHED), row -> new SupplyCounts(Reads.count(row, "on_duty"), Reads.count(row, "assigned"),
                Reads.count(row, "available"), Reads.count(row, "offers"), Reads.count(row, "unmatched")), hubId);
    }

    /** Volunteers on duty per home cell (count: on duty, subset: of them, free). */
    public Uni<List<MapLayout.Point>> onDutyByHome(UUID hubId) {
        return reads.list(ASSIGNED + """
                SELECT home_lat, home_lon, count(*) AS on_duty,
                       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM assigned a WHERE a.volunteer_id = v.volunteer_id)) AS free
                FROM volunteer_state v WHERE hub_id = $1 AND on_duty AND home_lat IS NOT NULL GROUP BY home_lat, home_lon
                """, row -> new MapLayout.Point(row.getDouble("home_lat"), row.getDouble("home_lon"),
                Reads.count(row, "on_duty"), Reads.count(row, "free")), hubId);
    }
}
