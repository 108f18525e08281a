package org.tredegar.dashboard.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.dashboard.config.DashboardConfig;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.persistence.Reads;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The public, aggregate-only figures of a hub over a rolling week; small numbers suppressed. */
@ApplicationScoped
public class PublicSummaries {
    static final Duration WEEK = Duration.ofDays(7);

    @Inject
    Reads reads;
    @Inject
    DashboardConfig config;

    record Figures(long received, long fulfilled, long matched, Double medianSeconds, long volunteers, long items) {
    }

    public Uni<PublicSummary> of(Hub hub) {
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(WEEK);
        // Volunteer activity is kept per day: the week counts whole days from the day "from" falls on.
        var fromDay = from.atZone(ZoneOffset.UTC).toLocalDate();
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
                hub.id(), from, fromDay).map(f -> summary(hub, from, to, f));
    }

    private PublicSummary summary(Hub hub, Instant from, Instant to, Figures f) {
        int k = config.suppressBelow();
        // A median of fewer than k times would describe those few people's requests: leave it out.
        Long median = f.matched() < k || f.medianSeconds() == null ? null : Math.round(f.medianSeconds() / 60.0);
        return new PublicSummary(hub.id(), hub.slug(), hub.name(), from, to, SmallNumbers.cell(f.received(), k),
                SmallNumbers.cell(f.fulfilled(), k), median, SmallNumbers.cell(f.volunteers(), k),
                SmallNumbers.cell(f.items(), k), k);
    }
}
