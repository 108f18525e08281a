package org.tredegar.dashboard.config;

import org.tredegar.contracts.model.GeoPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where a hub is, for its map: a centre and the outline of its area (configured, like the hubs themselves). */
public record HubArea(GeoPoint centre, List<GeoPoint> outline) {
    /** Without a configured outline: a square of this half side around the centre. */
    static final double DEFAULT_HALF_SIDE_KM = 2.0;

    public HubArea {
        outline = List.copyOf(outline);
    }

    static HubArea of(String slug, DashboardConfig.Area config) {
        try {
            GeoPoint centre = point(config.centre());
            List<GeoPoint> outline = new ArrayList<>();
            config.outline().ifPresent(text -> {
                for (String corner : text.trim().split("\\s+")) {
                    outline.add(point(corner));
                }
            });
            if (outline.isEmpty()) {
                double dLat = DEFAULT_HALF_SIDE_KM / 111.32;
                double dLon = dLat / Math.cos(Math.toRadians(centre.lat()));
                outline.addAll(List.of(new GeoPoint(centre.lat() - dLat, centre.lon() - dLon),
                        new GeoPoint(centre.lat() - dLat, centre.lon() + dLon),
                        new GeoPoint(centre.lat() + dLat, centre.lon() + dLon),
                        new GeoPoint(centre.lat() + dLat, centre.lon() - dLon)));
            } else if (outline.size() < 3) {
                throw new IllegalArgumentException("an outline needs at least 3 corners");
            }
            return new HubArea(centre, outline);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tredegar.dashboard.areas.%s: %s (expected centre=lat,lon and outline=lat,lon lat,lon ...)",
                    slug, e.getMessage()), e);
        }
    }

    private static GeoPoint point(String text) {
        String[] parts = text.trim().split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a point: '" + text + "'");
        }
        return new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    }
}
