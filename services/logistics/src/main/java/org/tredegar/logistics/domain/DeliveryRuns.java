package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.logistics.persistence.Deliveries;
import org.tredegar.logistics.persistence.DeliveryEntity;
import org.tredegar.logistics.persistence.StockLocationEntity;
import org.tredegar.logistics.persistence.StockLocations;

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

    @Inject
    Deliveries deliveries;
    @Inject
    StockLocations locations;

    /** One run: from a pickup location, its stops in the order to drive them, and the great-circle km of that order. */
    public record Run(StockLocationEntity pickup, double km, List<DeliveryEntity> stops) {
    }

    /**
     * The day's runs, pickup locations by name; {@code unrouted} are the deliveries whose request gave an area but
     * no point, so they cannot be placed in a run.
     */
    public record DayPlan(List<Run> runs, List<DeliveryEntity> unrouted) {
    }

    /** {@code date} is a UTC day. */
    public Uni<DayPlan> plan(UUID hubId, LocalDate date) {
        var from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        var to = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Panache.withSession(() -> deliveries.scheduledInHub(hubId, from, to)
                        .chain(scheduled -> {
                            if (scheduled.isEmpty()) {
                                return Uni.createFrom().item(new Loaded(scheduled, Map.of()));
                            }
                            List<UUID> pickups = scheduled.stream().map(d -> d.pickupLocationId).distinct().toList();
                            return locations.byIds(pickups).map(ls -> new Loaded(scheduled,
                                    ls.stream().collect(Collectors.toMap(l -> l.id, Function.identity()))));
                        }))
                // The search is CPU work: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(this::plan);
    }

    private record Loaded(List<DeliveryEntity> deliveries, Map<UUID, StockLocationEntity> locations) {
    }

    private DayPlan plan(Loaded loaded) {
        Map<UUID, DeliveryEntity> byId = loaded.deliveries().stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        List<Run> runs = new ArrayList<>();
        List<DeliveryEntity> unrouted = new ArrayList<>();
        Map<UUID, List<DeliveryEntity>> perLocation = loaded.deliveries().stream()
                .collect(Collectors.groupingBy(d -> d.pickupLocationId));
        List<StockLocationEntity> pickups = loaded.locations().values().stream()
                .sorted(Comparator.comparing((StockLocationEntity l) -> l.name).thenComparing(l -> l.id)).toList();
        RunPlanner.Settings settings = new RunPlanner.Settings(maxStops, costPerRunKm, iterations);
        for (StockLocationEntity pickup : pickups) {
            List<RunPlanner.Stop> stops = new ArrayList<>();
            for (DeliveryEntity d : perLocation.getOrDefault(pickup.id, List.of())) {
                if (d.destLat == null || d.destLon == null) {
                    unrouted.add(d);
                } else {
                    stops.add(new RunPlanner.Stop(d.id.toString(), d.destLat, d.destLon));
                }
            }
            for (RunPlanner.Run run : RunPlanner.plan(pickup.lat, pickup.lon, stops, settings)) {
                runs.add(new Run(pickup, run.km(),
                        run.stops().stream().map(s -> byId.get(UUID.fromString(s.id()))).toList()));
            }
        }
        return new DayPlan(runs, unrouted);
    }
}
