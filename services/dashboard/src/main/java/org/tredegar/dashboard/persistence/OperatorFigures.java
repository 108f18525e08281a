package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.dashboard.domain.HubSnapshot.AreaRow;
import org.tredegar.dashboard.domain.HubSnapshot.ChannelRow;
import org.tredegar.dashboard.domain.HubSnapshot.Count;
import org.tredegar.dashboard.domain.HubSnapshot.DeliveryFailure;
import org.tredegar.dashboard.domain.HubSnapshot.Escalations;
import org.tredegar.dashboard.domain.HubSnapshot.StockLevel;
import org.tredegar.dashboard.domain.MapLayout;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator view's queries on the read models (exact figures, one hub at a time). Urgency targets arrive as
 * seconds in a fixed order ({@link Targets}), so every query computes a deadline the same way.
 */
@ApplicationScoped
public class OperatorFigures {
    static final String OPEN = "('submitted','triaged','matched','in-progress')";
    static final String UNMATCHED = "('submitted','triaged')";
    /** The target of the row's urgency; expects the seconds as parameters $2..$5. */
    static final String TARGET = "(CASE urgency WHEN 'life-safety' THEN $2::bigint WHEN 'urgent' THEN $3::bigint "
            + "WHEN 'routine' THEN $4::bigint ELSE $5::bigint END * interval '1 second')";
    private static final String ASSIGNED = "WITH assigned AS (SELECT DISTINCT holder_id AS volunteer_id FROM request_view "
            + "WHERE hub_id = $1 AND status IN ('matched','in-progress') AND holder_id IS NOT NULL) ";

    /** How long each urgency may wait for a first match, in seconds: life-safety, urgent, routine, scheduled. */
    public record Targets(long lifeSafety, long urgent, long routine, long scheduled) {
        Object[] after(UUID hubId) {
            return new Object[]{hubId, lifeSafety, urgent, routine, scheduled};
        }
    }

    public record TopicMinute(String topic, Instant minute, int events) {
    }

    public record UrgencyCounts(String urgency, long open, long unmatched, long breaching, Instant oldestUnmatched) {
    }

    public record WaitingRow(UUID requestId, String category, String urgency, String area, Instant submittedAt,
                             Instant deadline, int escalationLevel) {
    }

    public record ClaimRow(UUID requestId, UUID holderId, String status, Instant since) {
    }

    public record VolunteerCounts(long onDuty, long assigned, long available, long offers, long unmatched) {
    }

    @Inject
    Reads reads;

    public Uni<List<TopicMinute>> topicMinutes(Instant since) {
        return reads.list("SELECT topic, minute, events FROM topic_activity WHERE minute >= $1 ORDER BY minute",
                row -> new TopicMinute(row.getString("topic"), Reads.instant(row, "minute"), row.getInteger("events")), since);
    }

    public Uni<Map<String, Instant>> lastEventPerTopic() {
        return reads.list("SELECT topic, max(last_at) AS last_at FROM topic_activity GROUP BY topic",
                row -> Map.entry(row.getString("topic"), Reads.instant(row, "last_at"))).map(OperatorFigures::toMap);
    }

    public Uni<List<Count>> byStatus(UUID hubId) {
        return reads.list("SELECT status AS k, count(*) AS n FROM request_view WHERE hub_id = $1 "
                + "GROUP BY status ORDER BY status", OperatorFigures::counted, hubId);
    }

    public Uni<List<Count>> openByCategory(UUID hubId) {
        return reads.list("SELECT COALESCE(category, 'unknown') AS k, count(*) AS n FROM request_view "
                + "WHERE hub_id = $1 AND status IN " + OPEN + " GROUP BY 1 ORDER BY 2 DESC, 1", OperatorFigures::counted, hubId);
    }

    /** Requests first matched in the last 7 days, and how many of them within their urgency's target. */
    public Uni<long[]> matchedWithinTarget(UUID hubId, Targets targets) {
        return reads.one("SELECT count(*) AS matched, count(*) FILTER (WHERE first_matched_at - submitted_at <= "
                + TARGET + ") AS within FROM request_state WHERE hub_id = $1 AND submitted_at IS NOT NULL "
                + "AND first_matched_at >= now() - interval '7 days'",
                row -> new long[]{Reads.count(row, "matched"), Reads.count(row, "within")}, targets.after(hubId));
    }

    public Uni<List<ClaimRow>> oldestClaims(UUID hubId) {
        return reads.list("SELECT request_id, holder_id, status, GREATEST(matched_at, in_progress_at) AS since "
                + "FROM request_view WHERE hub_id = $1 AND status IN ('matched','in-progress') ORDER BY since ASC LIMIT 50",
                row -> new ClaimRow(row.getUUID("request_id"), row.getUUID("holder_id"), row.getString("status"),
                        Reads.instant(row, "since")), hubId);
    }

    /** Sent and failed messages per channel in the last 24 hours. */
    public Uni<List<ChannelRow>> notificationsPerChannel(UUID hubId) {
        return reads.list("SELECT channel, count(*) FILTER (WHERE outcome = 'sent') AS sent, "
                + "count(*) FILTER (WHERE outcome = 'failed') AS failed FROM notification_outcome WHERE hub_id = $1 "
                + "AND occurred_at > now() - interval '24 hours' GROUP BY channel ORDER BY channel",
                row -> new ChannelRow(row.getString("channel"), Reads.count(row, "sent"), Reads.count(row, "failed")), hubId);
    }

    public Uni<List<DeliveryFailure>> latestDeliveryFailures(UUID hubId) {
        return reads.list("SELECT delivery_id, request_id, failed_at, reason FROM delivery_state "
                + "WHERE hub_id = $1 AND failed_at IS NOT NULL AND (completed_at IS NULL OR completed_at < failed_at) "
                + "ORDER BY failed_at DESC LIMIT 20", row -> new DeliveryFailure(row.getUUID("delivery_id"),
                row.getUUID("request_id"), Reads.instant(row, "failed_at"), row.getString("reason")), hubId);
    }

    public Uni<Escalations> escalations(UUID hubId) {
        return reads.one("SELECT (SELECT count(*) FROM request_view WHERE hub_id = $1 "
                + "AND escalation_level > 0 AND status IN " + UNMATCHED + ") AS open, (SELECT count(*) FROM escalation "
                + "WHERE hub_id = $1 AND occurred_at > now() - interval '24 hours') AS day",
                row -> new Escalations(Reads.count(row, "open"), Reads.count(row, "day")), hubId);
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

    public Uni<VolunteerCounts> volunteers(UUID hubId) {
        return reads.one(ASSIGNED + """
                SELECT (SELECT count(*) FROM volunteer_state WHERE hub_id = $1 AND on_duty) AS on_duty,
                       (SELECT count(*) FROM assigned) AS assigned,
                       (SELECT count(*) FROM volunteer_state v WHERE hub_id = $1 AND on_duty
                          AND NOT EXISTS (SELECT 1 FROM assigned a WHERE a.volunteer_id = v.volunteer_id)) AS available,
                       (SELECT count(*) FROM offer_state WHERE hub_id = $1 AND made_at IS NOT NULL AND answered_at IS NULL
                          AND expires_at > now()) AS offers,
                       (SELECT count(*) FROM request_view WHERE hub_id = $1 AND status IN ('submitted','triaged')) AS unmatched
                """, row -> new VolunteerCounts(Reads.count(row, "on_duty"), Reads.count(row, "assigned"),
                Reads.count(row, "available"), Reads.count(row, "offers"), Reads.count(row, "unmatched")), hubId);
    }

    public Uni<List<AreaRow>> openByArea(UUID hubId) {
        return reads.list("SELECT COALESCE(area, '') AS area, count(*) AS open, "
                + "count(*) FILTER (WHERE status IN " + UNMATCHED + ") AS unmatched FROM request_view "
                + "WHERE hub_id = $1 AND status IN " + OPEN + " GROUP BY 1 ORDER BY 3 DESC, 1",
                row -> new AreaRow(row.getString("area"), Reads.count(row, "open"), Reads.count(row, "unmatched")), hubId);
    }

    /** Items asked for by open requests, per item. */
    public Uni<Map<String, Long>> requestedItems(UUID hubId) {
        return reads.list("SELECT i.item, sum(i.quantity) AS requested FROM request_item i "
                + "JOIN request_view r USING (request_id) WHERE i.hub_id = $1 AND r.status IN " + OPEN + " GROUP BY i.item",
                row -> Map.entry(row.getString("item"), Reads.count(row, "requested")), hubId).map(OperatorFigures::toMap);
    }

    /** Open requests per approximate point they gave (count: open, waiting: unmatched). */
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

    /** Volunteers on duty per home cell (count: on duty, waiting: of them, free). */
    public Uni<List<MapLayout.Point>> onDutyVolunteerPoints(UUID hubId) {
        return reads.list(ASSIGNED + """
                SELECT home_lat, home_lon, count(*) AS on_duty,
                       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM assigned a WHERE a.volunteer_id = v.volunteer_id)) AS free
                FROM volunteer_state v WHERE hub_id = $1 AND on_duty AND home_lat IS NOT NULL GROUP BY home_lat, home_lon
                """, row -> new MapLayout.Point(row.getDouble("home_lat"), row.getDouble("home_lon"),
                Reads.count(row, "on_duty"), Reads.count(row, "free")), hubId);
    }

    /**
     * Estimated available stock per location and item: the latest LowStock report, plus movements after it
     * (received, adjusted, reserved, released). Minimum is -1 where no report said it.
     */
    public Uni<List<StockLevel>> stockLevels(UUID hubId) {
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

    private static Count counted(Row row) {
        return new Count(row.getString("k"), Reads.count(row, "n"));
    }

    private static <K, V> Map<K, V> toMap(List<Map.Entry<K, V>> entries) {
        Map<K, V> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
