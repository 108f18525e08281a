package org.tredegar.contracts.model;

/** A WGS 84 point. In events it is always approximate (see {@link #approximate()}), never a home address. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Not a point on Earth: " + lat + ", " + lon);
        }
    }

    /**
     * Rounded to three decimals, about 110 m north-south: close enough to match a volunteer, too coarse to find a
     * door. Producers apply it before a point goes into an event.
     */
    public GeoPoint approximate() {
        return new GeoPoint(Math.round(lat * 1000) / 1000.0, Math.round(lon * 1000) / 1000.0);
    }

    /** Great-circle distance (haversine); at a hub's scale the sphere's error is far below a street's width. */
    public double distanceKm(GeoPoint other) {
        return distanceKm(lat, lon, other.lat, other.lon);
    }

    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
