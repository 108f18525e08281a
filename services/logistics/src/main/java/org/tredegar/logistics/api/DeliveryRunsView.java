package org.tredegar.logistics.api;

import org.tredegar.logistics.domain.DeliveryRuns;
import org.tredegar.logistics.persistence.DeliveryEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A day's runs: per pickup location, groups of nearby stops in the order to drive them. {@code unrouted} lists
 * deliveries whose request gave an area but no point (first page only).
 */
public record DeliveryRunsView(UUID hubId, LocalDate date, List<RunView> items, List<StopView> unrouted, String nextCursor) {

    public record RunView(int run, UUID pickupLocationId, String pickupLocationName, double distanceKm, List<StopView> stops) {
    }

    public record StopView(int order, UUID deliveryId, UUID requestId, UUID volunteerId, Double lat, Double lon,
                           String area, Instant windowFrom, Instant windowTo) {
    }

    /** The page of the day's plan from {@code offset}; runs are numbered across the whole day, from 1. */
    static DeliveryRunsView of(UUID hubId, LocalDate date, DeliveryRuns.DayPlan plan, int offset, int limit) {
        List<RunView> runs = new ArrayList<>();
        for (DeliveryRuns.Run run : plan.runs()) {
            List<StopView> ordered = new ArrayList<>();
            for (DeliveryEntity d : run.stops()) {
                ordered.add(stop(ordered.size() + 1, d));
            }
            runs.add(new RunView(runs.size() + 1, run.pickup().id, run.pickup().name, Math.round(run.km() * 100) / 100.0,
                    ordered));
        }
        List<RunView> page = runs.stream().skip(offset).limit(limit).toList();
        String next = offset + limit < runs.size() ? CursorParts.offsetCursor(offset + limit) : null;
        List<StopView> unrouted = offset == 0 ? plan.unrouted().stream().map(d -> stop(0, d)).toList() : List.of();
        return new DeliveryRunsView(hubId, date, page, unrouted, next);
    }

    private static StopView stop(int order, DeliveryEntity d) {
        return new StopView(order, d.id, d.requestId, d.volunteerId, d.destLat, d.destLon, d.area, d.windowFrom, d.windowTo);
    }
}
