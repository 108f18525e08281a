package org.tredegar.dashboard.domain;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.dashboard.config.DashboardConfig;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.config.HubArea;
import org.tredegar.dashboard.config.Hubs;
import org.tredegar.dashboard.domain.HubSnapshot.AreaRow;
import org.tredegar.dashboard.domain.HubSnapshot.Backlog;
import org.tredegar.dashboard.domain.HubSnapshot.ChannelRow;
import org.tredegar.dashboard.domain.HubSnapshot.Claim;
import org.tredegar.dashboard.domain.HubSnapshot.Count;
import org.tredegar.dashboard.domain.HubSnapshot.DeliveryFailure;
import org.tredegar.dashboard.domain.HubSnapshot.Escalations;
import org.tredegar.dashboard.domain.HubSnapshot.ItemRow;
import org.tredegar.dashboard.domain.HubSnapshot.MapView;
import org.tredegar.dashboard.domain.HubSnapshot.MatchRatio;
import org.tredegar.dashboard.domain.HubSnapshot.Notifications;
import org.tredegar.dashboard.domain.HubSnapshot.StockLevel;
import org.tredegar.dashboard.domain.HubSnapshot.Supply;
import org.tredegar.dashboard.domain.HubSnapshot.TopicRate;
import org.tredegar.dashboard.domain.HubSnapshot.UrgencyRow;
import org.tredegar.dashboard.domain.HubSnapshot.Waiting;
import org.tredegar.dashboard.messaging.ConsumerLag;
import org.tredegar.dashboard.persistence.Reads;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tredegar.dashboard.domain.MatchTargets.TARGET;

/** Computes the operator view of a hub from the read models (exact figures; the page is hub-scoped). */
@ApplicationScoped
public class OperatorSnapshots {
    static final String OPEN = "('submitted','triaged','matched','in-progress')";
    static final String UNMATCHED = "('submitted','triaged')";
    static final List<String> URGENCY_ORDER = List.of(Urgency.LIFE_SAFETY.slug(), Urgency.URGENT.slug(),
            Urgency.ROUTINE.slug(), Urgency.SCHEDULED.slug(), "unknown");

    @Inject
    Reads reads;
    @Inject
    MatchTargets targets;
    @Inject
    DashboardConfig config;
    @Inject
    Hubs hubs;
    @Inject
    ConsumerLag lag;

    /** Per-topic live event rates and consumer lag; the same for every hub, so computed once per refresh. */
    public Uni<List<TopicRate>> eventRates(Instant now) {
        Instant since = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(29));
        return reads.list("SELECT topic, minute, events, last_at FROM topic_activity WHERE minute >= $1 ORDER BY minute",
                row -> row, since).chain(rows -> reads.list(
                "SELECT topic, max(last_at) AS last_at FROM topic_activity GROUP BY topic", row -> row).map(last -> {
            List<TopicRate> rates = new ArrayList<>();
            for (String topic : List.of(Topics.REQUESTS, Topics.VOLUNTEERS, Topics.LOGISTICS, Topics.NOTIFICATIONS)) {
                long[] perMinute = new long[30];
                for (Row row : rows) {
                    if (topic.equals(row.getString("topic"))) {
                        long index = Duration.between(since, Reads.instant(row, "minute")).toMinutes();
                        if (index >= 0 && index < 30) {
                            perMinute[(int) index] += row.getInteger("events");
                        }
                    }
                }
                Instant lastAt = last.stream().filter(r -> topic.equals(r.getString("topic")))
                        .map(r -> Reads.instant(r, "last_at")).findFirst().orElse(null);
                long last15 = 0;
                for (int i = 15; i < 30; i++) {
                    last15 += perMinute[i];
                }
                ConsumerLag.Lag behind = lag.of(topic);
                rates.add(new TopicRate(topic, perMinute[29], last15,
                        java.util.Arrays.stream(perMinute).boxed().toList(), lastAt, behind.records(), behind.measuredAt()));
            }
            return rates;
        }));
    }

    public Uni<HubSnapshot> of(Hub hub, Instant now, List<TopicRate> rates) {
        Object[] withTargets = withTargets(hub.id());
        Uni<Backlog> backlog = backlog(withTargets, now);
        Uni<List<Count>> byStatus = reads.list("SELECT status AS k, count(*) AS n FROM request_view WHERE hub_id = $1 "
                + "GROUP BY status ORDER BY status", counted(), hub.id());
        Uni<List<Count>> byCategory = reads.list("SELECT COALESCE(category, 'unknown') AS k, count(*) AS n FROM request_view "
                + "WHERE hub_id = $1 AND status IN " + OPEN + " GROUP BY 1 ORDER BY 2 DESC, 1", counted(), hub.id());
        Uni<MatchRatio> ratio = reads.one("SELECT count(*) AS matched, count(*) FILTER (WHERE first_matched_at - submitted_at <= "
                + TARGET + ") AS within FROM request_state WHERE hub_id = $1 AND submitted_at IS NOT NULL "
                + "AND first_matched_at >= now() - interval '7 days'", row -> {
                    long matched = Reads.count(row, "matched");
                    long within = Reads.count(row, "within");
                    return new MatchRatio(matched, within, matched == 0 ? null : Math.round(1000.0 * within / matched) / 1000.0);
                }, withTargets);
        Uni<Supply> supply = supply(hub.id());
        Uni<List<Claim>> claims = reads.list("SELECT request_id, holder_id, status, GREATEST(matched_at, in_progress_at) AS since "
                + "FROM request_view WHERE hub_id = $1 AND status IN ('matched','in-progress') ORDER BY since ASC LIMIT 50",
                row -> {
                    Instant since = Reads.instant(row, "since");
                    return new Claim(row.getUUID("request_id"), row.getUUID("holder_id"), row.getString("status"), since,
                            since == null ? 0 : Duration.between(since, now).toMinutes());
                }, hub.id());
        Uni<List<StockLevel>> stock = stockLevels(hub.id()).map(levels -> levels.stream()
                .filter(l -> l.minimum() >= 0 && l.available() < l.minimum()).toList());
        Uni<Notifications> notifications = reads.list("SELECT channel, count(*) FILTER (WHERE outcome = 'sent') AS sent, "
                + "count(*) FILTER (WHERE outcome = 'failed') AS failed FROM notification_outcome WHERE hub_id = $1 "
                + "AND occurred_at > now() - interval '24 hours' GROUP BY channel ORDER BY channel",
                row -> new ChannelRow(row.getString("channel"), Reads.count(row, "sent"), Reads.count(row, "failed")), hub.id())
                .map(rows -> new Notifications(rows.stream().mapToLong(ChannelRow::sent).sum(),
                        rows.stream().mapToLong(ChannelRow::failed).sum(), rows));
        Uni<List<DeliveryFailure>> failures = reads.list("SELECT delivery_id, request_id, failed_at, reason FROM delivery_state "
                + "WHERE hub_id = $1 AND failed_at IS NOT NULL AND (completed_at IS NULL OR completed_at < failed_at) "
                + "ORDER BY failed_at DESC LIMIT 20", row -> new DeliveryFailure(row.getUUID("delivery_id"),
                row.getUUID("request_id"), Reads.instant(row, "failed_at"), row.getString("reason")), hub.id());
        Uni<Escalations> escalations = reads.one("SELECT (SELECT count(*) FROM request_view WHERE hub_id = $1 "
                + "AND escalation_level > 0 AND status IN " + UNMATCHED + ") AS open, (SELECT count(*) FROM escalation "
                + "WHERE hub_id = $1 AND occurred_at > now() - interval '24 hours') AS day",
                row -> new Escalations(Reads.count(row, "open"), Reads.count(row, "day")), hub.id());
        Uni<MapView> map = map(hub);
        return Uni.combine().all().unis(backlog, byStatus, byCategory, ratio, supply, claims, stock, notifications,
                failures, escalations, map).with(parts -> {
            Instant lastEvent = rates.stream().map(TopicRate::lastEventAt).filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            Long age = lastEvent == null ? null : Math.max(0, Duration.between(lastEvent, now).toSeconds());
            boolean stale = age == null || age > config.staleAfter().toSeconds();
            return new HubSnapshot(hub.id(), hub.slug(), hub.name(), now, lastEvent, age, stale,
                    (Backlog) parts.get(0), cast(parts.get(1)), cast(parts.get(2)), (MatchRatio) parts.get(3),
                    (Supply) parts.get(4), cast(parts.get(5)), cast(parts.get(6)), (Notifications) parts.get(7),
                    cast(parts.get(8)), (Escalations) parts.get(9), rates, (MapView) parts.get(10));
        });
    }

    private Uni<Backlog> backlog(Object[] withTargets, Instant now) {
        Uni<List<UrgencyRow>> rows = reads.list("SELECT COALESCE(urgency, 'unknown') AS urgency, count(*) AS open, "
                + "count(*) FILTER (WHERE status IN " + UNMATCHED + ") AS unmatched, "
                + "count(*) FILTER (WHERE status IN " + UNMATCHED + " AND submitted_at + " + TARGET + " < now()) AS breaching, "
                + "min(submitted_at) FILTER (WHERE status IN " + UNMATCHED + ") AS oldest "
                + "FROM request_view WHERE hub_id = $1 AND status IN " + OPEN + " GROUP BY 1", row -> new UrgencyRow(
                row.getString("urgency"), Reads.count(row, "open"), Reads.count(row, "unmatched"),
                Reads.count(row, "breaching"), minutesSince(Reads.instant(row, "oldest"), now)), withTargets);
        Uni<List<Waiting>> waiting = reads.list("SELECT request_id, category, urgency, area, submitted_at, escalation_level, "
                + "submitted_at + " + TARGET + " AS deadline FROM request_view WHERE hub_id = $1 AND status IN " + UNMATCHED
                + " ORDER BY (submitted_at + " + TARGET + " < now()) DESC NULLS LAST, deadline ASC NULLS LAST, request_id LIMIT 25",
                row -> {
                    Instant submitted = Reads.instant(row, "submitted_at");
                    Instant deadline = Reads.instant(row, "deadline");
                    return new Waiting(row.getUUID("request_id"), row.getString("category"), row.getString("urgency"),
                            row.getString("area"), submitted, deadline, deadline != null && deadline.isBefore(now),
                            submitted == null ? 0 : minutesSince(submitted, now), row.getInteger("escalation_level"));
                }, withTargets);
        return Uni.combine().all().unis(rows, waiting).asTuple().map(t -> {
            List<UrgencyRow> byUrgency = new ArrayList<>(t.getItem1());
            byUrgency.sort(Comparator.comparingInt(r -> URGENCY_ORDER.indexOf(r.urgency())));
            Long oldest = byUrgency.stream().map(UrgencyRow::oldestUnmatchedMinutes).filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            return new Backlog(byUrgency.stream().mapToLong(UrgencyRow::open).sum(),
                    byUrgency.stream().mapToLong(UrgencyRow::unmatched).sum(),
                    byUrgency.stream().mapToLong(UrgencyRow::breaching).sum(), oldest, byUrgency, t.getItem2());
        });
    }

    private Uni<Supply> supply(UUID hubId) {
        Uni<Row> volunteers = reads.one("""
                WITH assigned AS (SELECT DISTINCT holder_id AS volunteer_id FROM request_view
                                  WHERE hub_id = $1 AND status IN ('matched','in-progress') AND holder_id IS NOT NULL)
                SELECT (SELECT count(*) FROM volunteer_state WHERE hub_id = $1 AND on_duty) AS on_duty,
                       (SELECT count(*) FROM assigned) AS assigned,
                       (SELECT count(*) FROM volunteer_state v WHERE hub_id = $1 AND on_duty
                          AND NOT EXISTS (SELECT 1 FROM assigned a WHERE a.volunteer_id = v.volunteer_id)) AS available,
                       (SELECT count(*) FROM offer_state WHERE hub_id = $1 AND made_at IS NOT NULL AND answered_at IS NULL
                          AND expires_at > now()) AS offers,
                       (SELECT count(*) FROM request_view WHERE hub_id = $1 AND status IN ('submitted','triaged')) AS unmatched
                """, row -> row, hubId);
        Uni<List<AreaRow>> areas = reads.list("SELECT COALESCE(area, '') AS area, count(*) AS open, "
                + "count(*) FILTER (WHERE status IN " + UNMATCHED + ") AS unmatched FROM request_view "
                + "WHERE hub_id = $1 AND status IN " + OPEN + " GROUP BY 1 ORDER BY 3 DESC, 1",
                row -> new AreaRow(row.getString("area"), Reads.count(row, "open"), Reads.count(row, "unmatched")), hubId);
        Uni<Map<String, Long>> requested = reads.list("SELECT i.item, sum(i.quantity) AS requested FROM request_item i "
                + "JOIN request_view r USING (request_id) WHERE i.hub_id = $1 AND r.status IN " + OPEN + " GROUP BY i.item",
                row -> Map.entry(row.getString("item"), Reads.count(row, "requested")), hubId).map(OperatorSnapshots::toMap);
        return Uni.combine().all().unis(volunteers, areas, requested, stockLevels(hubId)).asTuple().map(t -> {
            Row v = t.getItem1();
            Map<String, Long> inStock = new LinkedHashMap<>();
            t.getItem4().forEach(l -> inStock.merge(l.item(), Math.max(0, l.available()), Long::sum));
            List<String> itemKeys = new ArrayList<>(t.getItem3().keySet());
            inStock.keySet().stream().filter(k -> !itemKeys.contains(k)).forEach(itemKeys::add);
            itemKeys.sort(Comparator.naturalOrder());
            List<ItemRow> items = itemKeys.stream()
                    .map(k -> new ItemRow(k, t.getItem3().getOrDefault(k, 0L), inStock.getOrDefault(k, 0L))).toList();
            return new Supply(Reads.count(v, "on_duty"), Reads.count(v, "assigned"), Reads.count(v, "available"),
                    Reads.count(v, "offers"), Reads.count(v, "unmatched"), t.getItem2(), items);
        });
    }

    /**
     * The hub's map: open requests per cell (by the approximate point they gave) and volunteers on duty per cell
     * (by their home cell). None when the hub's area is not configured.
     */
    public Uni<MapView> map(Hub hub) {
        java.util.Optional<HubArea> area = hubs.area(hub.slug());
        if (area.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        MapLayout layout = new MapLayout(area.get(), config.mapCellKm(), config.mapMarginKm());
        Uni<List<MapLayout.Point>> requests = reads.list("SELECT lat, lon, count(*) AS open, count(*) FILTER "
                + "(WHERE status IN " + UNMATCHED + ") AS waiting FROM request_view WHERE hub_id = $1 AND status IN " + OPEN
                + " AND lat IS NOT NULL GROUP BY lat, lon", row -> new MapLayout.Point(row.getDouble("lat"),
                row.getDouble("lon"), Reads.count(row, "open"), Reads.count(row, "waiting")), hub.id());
        Uni<Long> unplaced = reads.one("SELECT count(*) AS n FROM request_view WHERE hub_id = $1 AND status IN " + OPEN
                + " AND lat IS NULL", row -> Reads.count(row, "n"), hub.id());
        Uni<List<MapLayout.Point>> volunteers = reads.list("""
                WITH assigned AS (SELECT DISTINCT holder_id AS volunteer_id FROM request_view
                                  WHERE hub_id = $1 AND status IN ('matched','in-progress') AND holder_id IS NOT NULL)
                SELECT home_lat, home_lon, count(*) AS on_duty,
                       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM assigned a WHERE a.volunteer_id = v.volunteer_id)) AS free
                FROM volunteer_state v WHERE hub_id = $1 AND on_duty AND home_lat IS NOT NULL GROUP BY home_lat, home_lon
                """, row -> new MapLayout.Point(row.getDouble("home_lat"), row.getDouble("home_lon"),
                Reads.count(row, "on_duty"), Reads.count(row, "free")), hub.id());
        Map<String, HubArea> neighbours = new LinkedHashMap<>();
        hubs.areas().forEach((slug, other) -> {
            if (!slug.equals(hub.slug())) {
                neighbours.put(hubs.name(slug), other);
            }
        });
        return Uni.combine().all().unis(requests, unplaced, volunteers).asTuple()
                .map(t -> layout.view(neighbours, t.getItem1(), t.getItem3(), t.getItem2()));
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

    private Object[] withTargets(UUID hubId) {
        Object[] seconds = targets.seconds();
        Object[] params = new Object[1 + seconds.length];
        params[0] = hubId;
        System.arraycopy(seconds, 0, params, 1, seconds.length);
        return params;
    }

    private static java.util.function.Function<Row, Count> counted() {
        return row -> new Count(row.getString("k"), Reads.count(row, "n"));
    }

    private static Long minutesSince(Instant then, Instant now) {
        return then == null ? null : Math.max(0, Duration.between(then, now).toMinutes());
    }

    private static <K, V> Map<K, V> toMap(List<Map.Entry<K, V>> entries) {
        Map<K, V> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }
}
