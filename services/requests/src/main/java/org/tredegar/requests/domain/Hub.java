package org.tredegar.requests.domain;

import org.tredegar.contracts.model.GeoPoint;

import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A hub as routing sees it: where it is, which areas it covers (polygons and postcode districts) and the number people
 * text it on ({@code smsNumber}, E.164; null for a hub without one).
 */
public record Hub(UUID id, String slug, String name, GeoPoint centre, String timezone, String smsNumber, List<Area> areas) {

    /**
     * {@code landmarks}: streets and places people name instead of a postcode ("Castle Street"), each with a point
     * inside the area, so a text saying where can be placed without asking for an address.
     */
    public record Area(String name, List<String> postcodeDistricts, List<List<Double>> polygon, List<Landmark> landmarks) {
        public Area {
            postcodeDistricts = postcodeDistricts == null ? List.of() : List.copyOf(postcodeDistricts);
            landmarks = landmarks == null ? List.of() : List.copyOf(landmarks);
        }

        boolean contains(GeoPoint point) {
            if (polygon == null || polygon.size() < 3) {
                return false;
            }
            // java.awt.geom does the point-in-polygon test; x = lon, y = lat is enough at a hub's scale.
            Path2D.Double path = new Path2D.Double();
            path.moveTo(polygon.get(0).get(1), polygon.get(0).get(0));
            for (List<Double> vertex : polygon.subList(1, polygon.size())) {
                path.lineTo(vertex.get(1), vertex.get(0));
            }
            path.closePath();
            return path.contains(point.lon(), point.lat());
        }

        boolean named(String areaOrDistrict) {
            String wanted = areaOrDistrict.trim().toUpperCase(Locale.ROOT);
            return name.toUpperCase(Locale.ROOT).equals(wanted)
                    || postcodeDistricts.stream().anyMatch(d -> d.equalsIgnoreCase(wanted)
                    || wanted.startsWith(d.toUpperCase(Locale.ROOT) + " "));
        }
    }

    public record Landmark(String name, double lat, double lon) {
    }

    public boolean covers(GeoPoint point) {
        return areas.stream().anyMatch(a -> a.contains(point));
    }

    /** One of the hub's postcode districts ({@code NP22}), in any case. */
    public boolean hasPostcodeDistrict(String district) {
        return areas.stream().anyMatch(a -> a.postcodeDistricts().stream().anyMatch(d -> d.equalsIgnoreCase(district)));
    }

    public boolean hasArea(String areaOrDistrict) {
        return areas.stream().anyMatch(a -> a.named(areaOrDistrict));
    }

    public double distanceKm(GeoPoint point) {
        return centre.distanceKm(point);
    }
}
