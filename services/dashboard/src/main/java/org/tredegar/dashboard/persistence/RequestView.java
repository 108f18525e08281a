package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.dashboard.domain.HubSnapshot.AreaRow;
import org.tredegar.dashboard.domain.HubSnapshot.Count;
import org.tredegar.dashboard.domain.MapLayout;
import org.tredegar.dashboard.domain.StatusGroups;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The operator view's reads of the request rows ({@code request_state}, mostly through {@code request_view}, which
 * adds the status: the step seen last). Exact figures, one hub at a time. Urgency targets arrive as seconds in a
 * fixed order ({@link Targets}), so every query computes a deadline the same way: {@code submitted_at + target}.
 */
@ApplicationScoped
public class RequestView {
    /** The status groups as SQL lists, e.g. {@code ('submitted','triaged')}, for the queries of every read model. */
    static final String OPEN = sqlList(StatusGroups.OPEN);
    static final String UNMATCHED = sqlList(StatusGroups.UNMATCHED);
    static final String HELD = sqlList(StatusGroups.HELD);
    /** The target of the row's urgency; expects the seconds as parameters $2..$5. */
    static final String TARGET = "(CASE urgency WHEN 'life-safety' THEN $2::bigint WHEN 'urgent' THEN $3::bigint "
            + "WHEN 'routine' THEN $4::bigint ELSE $5::bigint END * interval '1 second')";

    /** How long each urgency may wait for a first match, in seconds: life-safety, urgent, routine, scheduled. */
    public record Targets(long lifeSafety, long urgent, long routine, long scheduled) {
        Object[] after(UUID hubId) {
            return new Object[]{hubId, lifeSafety, urgent, routine, scheduled};
        }
    }

    /** Requests first matched in the last 7 days, and how many of them within their urgency's target. */
    public record MatchCounts(long matched, long withinTarget) {
    }

    public record UrgencyCounts(String urgency, long open, long unmatched, long breaching, Instant oldestUnmatched) {
    }

    public record WaitingRow(UUID requestId, String category, String urgency, String area, Instant submittedAt,
                             Instant deadline, int escalationLevel) {
    }

    public record ClaimRow(UUID requestId, UUID holderId, RequestStatus status, Instant since) {
    }

    @Inject
    Reads reads;

    public Uni<List<Count>> byStatus(UUID hubId) {
        return reads.list("SELECT status AS k, count(*) AS n FROM request_view WHERE hub_id = $1 "
                + "GROUP BY status ORDER BY status", RequestView::counted, hubId);
    }

    public Uni<List<Count>> openByCategory(UUID hubId) {
        return reads.list("SELECT COALESCE(category, 'unknown') AS k, count(*) AS n FROM request_view "
                + "WHERE hub_id = $1 AND status IN " + OPEN + " GROUP BY 1 ORDER BY 2 DESC, 1", RequestView::counted, hubId);
    }

    public Uni<MatchCounts> matchedWithinTarget(UUID hubId, Targets targets) {
        return reads.one("SELECT count(*) AS matched, count(*) FILTER (WHERE first_matched_at - submitted_at <= "
                + TARGET + ") AS within FROM request_state WHERE hub_id = $1 AND submitted_at IS NOT NULL "
                + "AND first_matched_at >= now() - interval '7 days'",
                row -> new MatchCounts(Reads.count(row, "matched"), Reads.count(row, "within")), targets.after(hubId));
    }

    /** The 50 requests held longest by a volunteer. */
    public Uni<List<ClaimRow>> oldestClaims(UUID hubId) {
        return reads.list("SELECT request_id, holder_id, status, GREATEST(matched_at, in_progress_at) AS since "
                + "FROM request_view WHERE hub_id = $1 AND status IN " + HELD + " ORDER BY since ASC LIMIT 50",
                row -> new ClaimRow(row.getUUID("request_id"), row.getUUID("holder_id"),
                        RequestStatus.fromSlug(row.getString("status")), Reads.instant(row, "since")), hubId);
    }

    public Uni<List<UrgencyCounts>> openByUrgency(UUID hubId, Targets targets) {
        return reads.list("SELECT COALESCE(urgency, 'unknown') AS urgency, count(*) AS open, "
                + "count(*) FILTER (WHERE status IN " + UNMATCHED + ") AS unmatched, "
                + "count(*) FILTER (WHERE status IN " + UNMATCHED + " AND submitted_at + " + TARGET + " < now()) AS breaching, "
                + "min(submitted_at) FILTER (WHERE status IN " + UNMATCHED + ") AS oldest "
                + "FROM request_view WHERE hub_id = $1 AND status IN " + OPEN + " GROUP BY 1", row -> new UrgencyCounts(
                row.getString("urgency"), Reads.count(row, "open"), Reads.count(row, "unmatched"),
                Reads.count(row, "breaching"), Reads.instant(row, "oldest")), targets.after(hubId));
    }

    /** The 25 unmatched requests to look at first: past their target first, then by deadline. */
    public Uni<List<WaitingRow>> waiting(UUID hubId, Targets targets) {
        return reads.list("SELECT request_id, category, urgency, area, submitted_at, escalation_level, "
                + "submitted_at + " + TARGET + " AS deadline FROM request_view WHERE hub_id = $1 AND status IN " + UNMATCHED
                + " ORDER BY (submitted_at + " + TARGET + " < now()) DESC NULLS LAST, deadline ASC NULLS LAST, request_id LIMIT 25",
                row -> new WaitingRow(row.getUUID("request_id"), row.getString("category"), row.getString("urgency"),
                        row.getString("area"), Reads.instant(row, "submitted_at"), Reads.instant(row, "deadline"),
                        row.getInteger("escalation_level")), targets.after(hubId));
    }

    public Uni<List<AreaRow>> openByArea(UUID hubId) {
        return reads.list("SELECT COALESCE(area, '') AS area, count(*) AS open, "
                + "count(*) FILTER (WHERE status IN " + UNMATCHED + ") AS unmatched FROM request_view "
                + "WHERE hub_id = $1 AND status IN " + OPEN + " GROUP BY 1 ORDER BY 3 DESC, 1",
                row -> new AreaRow(row.getString("area"), Reads.count(row, "open"), Reads.count(row, "unmatched")), hubId);
    }

    /** Open requests per approximate point they gave (count: open, subset: unmatched). */
    public Uni<List<MapLayout.Point>> openRequestPoints(UUID hubId) {
        return reads.list("SELECT lat, lon, count(*) AS open, count(*) FILTER "
                + "(WHERE status IN " + UNMATCHED + ") AS waiting FROM request_view WHERE hub_id = $1 AND status IN " + OPEN
                + " AND lat IS NOT NULL GROUP BY lat, lon", row -> new MapLayout.Point(row.getDouble("lat"),
                row.getDouble("lon"), Reads.count(row, "open"), Reads.count(row, "waiting")), hubId);
    }

    public Uni<Long> openWithoutPlace(UUID hubId) {
        return reads.one("SELECT count(*) AS n FROM request_view WHERE hub_id = $1 AND status IN " + OPEN
                + " AND lat IS NULL", row -> Reads.count(row, "n"), hubId);
    }

    private static Count counted(Row row) {
        return new Count(row.getString("k"), Reads.count(row, "n"));
    }

    private static String sqlList(Set<RequestStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.slug() + "'").collect(Collectors.joining(",", "(", ")"));
    }
}
