package org.tredegar.dashboard.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.dashboard.config.DashboardConfig;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.config.HubArea;
import org.tredegar.dashboard.config.Hubs;
import org.tredegar.dashboard.domain.HubSnapshot.Backlog;
import org.tredegar.dashboard.domain.HubSnapshot.ChannelRow;
import org.tredegar.dashboard.domain.HubSnapshot.Claim;
import org.tredegar.dashboard.domain.HubSnapshot.Count;
import org.tredegar.dashboard.domain.HubSnapshot.DeliveryFailure;
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
import org.tredegar.dashboard.messaging.DashboardConsumers;
import org.tredegar.dashboard.persistence.DeliveryStates;
import org.tredegar.dashboard.persistence.Escalations;
import org.tredegar.dashboard.persistence.NotificationOutcomes;
import org.tredegar.dashboard.persistence.RequestItems;
import org.tredegar.dashboard.persistence.RequestView;
import org.tredegar.dashboard.persistence.StockEstimates;
import org.tredegar.dashboard.persistence.TopicActivity;
import org.tredegar.dashboard.persistence.VolunteerStates;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Computes the operator view of a hub from the read models (exact figures; the page is hub-scoped). */
@ApplicationScoped
public class OperatorSnapshots {
    static final List<String> URGENCY_ORDER = List.of(Urgency.LIFE_SAFETY.slug(), Urgency.URGENT.slug(),
            Urgency.ROUTINE.slug(), Urgency.SCHEDULED.slug(), "unknown");

    @Inject
    RequestView requests;
    @Inject
    RequestItems items;
    @Inject
    VolunteerStates volunteers;
    @Inject
    StockEstimates stock;
    @Inject
    NotificationOutcomes notifications;
    @Inject
    DeliveryStates deliveries;
    @Inject
    Escalations escalations;
    @Inject
    TopicActivity activity;
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
        return activity.minutesSince(since).chain(minutes -> activity.lastEventPerTopic().map(last -> {
            List<TopicRate> rates = new ArrayList<>();
            for (String topic : DashboardConsumers.TOPICS) {
                long[] perMinute = new long[30];
                for (TopicActivity.TopicMinute minute : minutes) {
                    if (topic.equals(minute.topic())) {
                        long index = Duration.between(since, minute.minute()).toMinutes();
                        if (index >= 0 && index < 30) {
                            perMinute[(int) index] += minute.events();
                        }
                    }
                }
                long last15 = 0;
                for (int i = 15; i < 30; i++) {
                    last15 += perMinute[i];
                }
                ConsumerLag.Lag behind = lag.of(topic);
                rates.add(new TopicRate(topic, perMinute[29], last15,
                        java.util.Arrays.stream(perMinute).boxed().toList(), last.get(topic), behind.records(),
                        behind.measuredAt()));
            }
            return rates;
        }));
    }

    public Uni<HubSnapshot> of(Hub hub, Instant now, List<TopicRate> rates) {
        RequestView.Targets within = targets.seconds();
        Uni<Backlog> backlog = backlog(hub.id(), within, now);
        Uni<List<Count>> byStatus = requests.byStatus(hub.id());
        Uni<List<Count>> byCategory = requests.openByCategory(hub.id());
        Uni<MatchRatio> ratio = requests.matchedWithinTarget(hub.id(), within).map(counts -> {
            long matched = counts.matched();
            long inTime = counts.withinTarget();
            return new MatchRatio(matched, inTime, matched == 0 ? null : Math.round(1000.0 * inTime / matched) / 1000.0);
        });
        Uni<Supply> supply = supply(hub.id());
        Uni<List<Claim>> claims = requests.oldestClaims(hub.id()).map(rows -> rows.stream().map(row -> new Claim(
                row.requestId(), row.holderId(), row.status(), row.since(),
                row.since() == null ? 0 : Duration.between(row.since(), now).toMinutes())).toList());
        Uni<List<StockLevel>> alerts = stock.levels(hub.id()).map(levels -> levels.stream()
                .filter(l -> l.minimum() >= 0 && l.available() < l.minimum()).toList());
        Uni<Notifications> messages = notifications.lastDayPerChannel(hub.id())
                .map(rows -> new Notifications(rows.stream().mapToLong(ChannelRow::sent).sum(),
                        rows.stream().mapToLong(ChannelRow::failed).sum(), rows));
        Uni<List<DeliveryFailure>> failures = deliveries.latestFailures(hub.id());
        Uni<HubSnapshot.Escalations> escalated = escalations.figures(hub.id());
        Uni<MapView> map = map(hub);
        return Uni.combine().all().unis(backlog, byStatus, byCategory, ratio, supply, claims, alerts, messages,
                failures, escalated, map).with(parts -> {
            Instant lastEvent = rates.stream().map(TopicRate::lastEventAt).filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            Long age = lastEvent == null ? null : Math.max(0, Duration.between(lastEvent, now).toSeconds());
            boolean stale = age == null || age > config.staleAfter().toSeconds();
            return new HubSnapshot(hub.id(), hub.slug(), hub.name(), now, lastEvent, age, stale,
                    (Backlog) parts.get(0), cast(parts.get(1)), cast(parts.get(2)), (MatchRatio) parts.get(3),
                    (Supply) parts.get(4), cast(parts.get(5)), cast(parts.get(6)), (Notifications) parts.get(7),
                    cast(parts.get(8)), (HubSnapshot.Escalations) parts.get(9), rates, (MapView) parts.get(10));
        });
    }

    private Uni<Backlog> backlog(UUID hubId, RequestView.Targets within, Instant now) {
        Uni<List<UrgencyRow>> rows = requests.openByUrgency(hubId, within).map(counts -> counts.stream()
                .map(c -> new UrgencyRow(c.urgency(), c.open(), c.unmatched(), c.breaching(),
                        minutesSince(c.oldestUnmatched(), now))).toList());
        Uni<List<Waiting>> waiting = requests.waiting(hubId, within).map(found -> found.stream().map(w -> new Waiting(
                w.requestId(), w.category(), w.urgency(), w.area(), w.submittedAt(), w.deadline(),
                w.deadline() != null && w.deadline().isBefore(now),
                w.submittedAt() == null ? 0 : minutesSince(w.submittedAt(), now), w.escalationLevel())).toList());
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
        return Uni.combine().all().unis(volunteers.supply(hubId), requests.openByArea(hubId),
                items.askedByOpenRequests(hubId), stock.levels(hubId)).asTuple().map(t -> {
            VolunteerStates.SupplyCounts v = t.getItem1();
            Map<String, Long> inStock = new LinkedHashMap<>();
            t.getItem4().forEach(l -> inStock.merge(l.item(), Math.max(0, l.available()), Long::sum));
            List<String> itemKeys = new ArrayList<>(t.getItem3().keySet());
            inStock.keySet().stream().filter(k -> !itemKeys.contains(k)).forEach(itemKeys::add);
            itemKeys.sort(Comparator.naturalOrder());
            List<ItemRow> items = itemKeys.stream()
                    .map(k -> new ItemRow(k, t.getItem3().getOrDefault(k, 0L), inStock.getOrDefault(k, 0L))).toList();
            return new Supply(v.onDuty(), v.assigned(), v.available(), v.offers(), v.unmatched(), t.getItem2(), items);
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
        Map<String, HubArea> neighbours = new LinkedHashMap<>();
        hubs.areas().forEach((slug, other) -> {
            if (!slug.equals(hub.slug())) {
                neighbours.put(hubs.name(slug), other);
            }
        });
        return Uni.combine().all().unis(requests.openRequestPoints(hub.id()), requests.openWithoutPlace(hub.id()),
                        volunteers.onDutyByHome(hub.id())).asTuple()
                .map(t -> layout.view(neighbours, t.getItem1(), t.getItem3(), t.getItem2()));
    }

    private static Long minutesSince(Instant then, Instant now) {
        return then == null ? null : Math.max(0, Duration.between(then, now).toMinutes());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }
}
