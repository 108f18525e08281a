package org.tredegar.requests.domain;

import org.tredegar.contracts.model.GeoPoint;

import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A hub as routing sees it: where it is and which areas it covers (polygons and postcode districts). */
public record Hub(UUID id, String slug, String name, GeoPoint centre, String timezone, List<Area> areas) {

    public record Area(String name, List<String> postcodeDistricts, List<List<Double>> polygon) {
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

    public boolean covers(GeoPoint point) {
        return areas.stream().anyMatch(a -> a.contains(point));
    }

    public boolean hasArea(String areaOrDistrict) {
        return areas.stream().anyMatch(a -> a.named(areaOrDistrict));
    }

    public double distanceKm(GeoPoint point) {
        return centre.distanceKm(point);
    }
}
