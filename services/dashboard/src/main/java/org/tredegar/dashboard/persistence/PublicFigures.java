package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The exact figures behind a hub's public page, over a period; the domain suppresses small ones before showing. */
@ApplicationScoped
public class PublicFigures {
    /** Exact counts since {@code from}; {@code medianSeconds} is the median wait for a first match, when any. */
    public record Figures(long received, long fulfilled, long matched, Double medianSeconds, long volunteers, long items) {
    }

    @Inject
    Reads reads;

    /** Volunteer activity is kept per day: volunteers count whole days from {@code fromDay}. */
    public Uni<Figures> since(UUID hubId, Instant from, LocalDate fromDay) {
        return reads.one("""
                SELECT
                  (SELECT count(*) FROM request_state WHERE hub_id = $1 AND submitted_at >= $2) AS received,
                  (SELECT count(*) FROM request_state WHERE hub_id = $1 AND fulfilled_at >= $2) AS fulfilled,
                  (SELECT count(*) FROM request_state WHERE hub_id = $1 AND first_matched_at >= $2
                      AND submitted_at IS NOT NULL) AS matched,
                  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_matched_at - submitted_at))
                     FROM request_state WHERE hub_id = $1 AND first_matched_at >= $2 AND submitted_at IS NOT NULL) AS median,
                  (SELECT count(DISTINCT volunteer_id) FROM volunteer_activity WHERE hub_id = $1 AND day >= $3) AS volunteers,
                  (SELECT COALESCE(sum(l.quantity), 0) FROM reservation_line l
                     WHERE l.hub_id = $1
                       AND l.request_id IN (SELECT request_id FROM delivery_state WHERE hub_id = $1 AND completed_at >= $2)
                       AND NOT EXISTS (SELECT 1 FROM reservation_release r WHERE r.reservation_id = l.reservation_id)) AS items
                """, row -> new Figures(Reads.count(row, "received"), Reads.count(row, "fulfilled"),
                        Reads.count(row, "matched"), row.getDouble("median"), Reads.count(row, "volunteers"),
                        Reads.count(row, "items")),
                hubId, from, fromDay);
    }
}
