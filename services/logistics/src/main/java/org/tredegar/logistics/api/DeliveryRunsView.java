package org.tredegar.logistics.api;

import java.time.Instant;
import java.time.LocalDate;
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
}
