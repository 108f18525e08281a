package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.logistics.api.DeliveryRunsView;
import org.tredegar.logistics.persistence.DeliveryEntity;
import org.tredegar.logistics.persistence.StockLocationEntity;
import org.tredegar.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A day's scheduled deliveries of a hub, grouped per pickup location into runs of nearby stops with an order.
 * A suggestion for coordinators and volunteers: it assigns nobody and changes nothing.
 */
@ApplicationScoped
public class DeliveryRuns {
    @ConfigProperty(name = "tredegar.logistics.runs.max-stops", defaultValue = "8")
    int maxStops;
    @ConfigProperty(name = "tredegar.logistics.runs.cost-per-run-km", defaultValue = "3.0")
    double costPerRunKm;
    @ConfigProperty(name = "tredegar.logistics.runs.iterations", defaultValue = "400")
    int iterations;

    public Uni<DeliveryRunsView> plan(UUID hubId, LocalDate date, String cursor, int limit) {
        int offset = offset(cursor);
        var from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        var to = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Panache.withSession(() -> DeliveryEntity.<DeliveryEntity>list(
                        "hubId = ?1 and status = ?2 and windowFrom >= ?3 and windowFrom < ?4 order by id",
                        hubId, DeliveryEntity.SCHEDULED, from, to)
                .chain(deliveries -> {
                    if (deliveries.isEmpty()) {
                        return Uni.createFrom().item(new Loaded(deliveries, Map.of()));
                    }
                    List<UUID> pickups = deliveries.stream().map(d -> d.pickupLocationId).distinct().toList();
                    return StockLocationEntity.<StockLocationEntity>list("id in ?1", pickups)
                            .map(ls -> new Loaded(deliveries, ls.stream().collect(Collectors.toMap(l -> l.id, Function.identity()))));
                }))
                // The search is CPU work: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(loaded -> toView(hubId, date, loaded, offset, limit));
    }

    private record Loaded(List<DeliveryEntity> deliveries, Map<UUID, StockLocationEntity> locations) {
    }

    private DeliveryRunsView toView(UUID hubId, LocalDate date, Loaded loaded, int offset, int limit) {
        Map<UUID, DeliveryEntity> byId = loaded.deliveries().stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        List<DeliveryRunsView.RunView> runs = new ArrayList<>();
        List<DeliveryRunsView.StopView> unrouted = new ArrayList<>();
        Map<UUID, List<DeliveryEntity>> perLocation = loaded.deliveries().stream()
                .collect(Collectors.groupingBy(d -> d.pickupLocationId));
        List<StockLocationEntity> locations = loaded.locations().values().stream()
                .sorted(Comparator.comparing((StockLocationEntity l) -> l.name).thenComparing(l -> l.id)).toList();
        for (StockLocationEntity location : locations) {
            List<RunPlanner.Stop> stops = new ArrayList<>();
            for (DeliveryEntity d : perLocation.getOrDefault(location.id, List.of())) {
                if (d.destLat == null || d.destLon == null) {
                    unrouted.add(stop(0, d));
                } else {
                    stops.add(new RunPlanner.Stop(d.id.toString(), d.destLat, d.destLon));
                }
            }
            for (RunPlanner.Run run : RunPlanner.plan(location.lat, location.lon, stops,
                    new RunPlanner.Settings(maxStops, costPerRunKm, iterations))) {
                List<DeliveryRunsView.StopView> ordered = new ArrayList<>();
                for (int i = 0; i < run.stops().size(); i++) {
                    ordered.add(stop(i + 1, byId.get(UUID.fromString(run.stops().get(i).id()))));
                }
                runs.add(new DeliveryRunsView.RunView(runs.size() + 1, location.id, location.name,
                        Math.round(run.km() * 100) / 100.0, ordered));
            }
        }
        List<DeliveryRunsView.RunView> page = runs.stream().skip(offset).limit(limit).toList();
        String next = offset + limit < runs.size() ? Cursors.encode(Integer.toString(offset + limit)) : null;
        return new DeliveryRunsView(hubId, date, page, offset == 0 ? unrouted : List.of(), next);
    }

    private static DeliveryRunsView.StopView stop(int order, DeliveryEntity d) {
        return new DeliveryRunsView.StopView(order, d.id, d.requestId, d.volunteerId, d.destLat, d.destLon, d.area,
                d.windowFrom, d.windowTo);
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(Cursors.decode(cursor, 1).get(0)));
        } catch (NumberFormatException e) {
            throw ApiProblem.badField("cursor", "is not a cursor this API gave out");
        }
    }
}
