package org.tredegar.logistics.api;

import org.tredegar.logistics.persistence.StockLocationEntity;

import java.util.UUID;

public record LocationView(UUID id, UUID hubId, String name, String kind, double lat, double lon, String openingHours) {
    public static LocationView of(StockLocationEntity e) {
        return new LocationView(e.id, e.hubId, e.name, e.kind.slug(), e.lat, e.lon, e.openingHours);
    }
}
