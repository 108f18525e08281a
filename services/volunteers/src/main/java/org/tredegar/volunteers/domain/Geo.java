package org.tredegar.volunteers.domain;

/** Great-circle distance; precise enough for "is this within 5 km" and cheap enough to run per candidate. */
public final class Geo {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private Geo() {
    }

    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Rounded to three decimals (~110 m): what we store of a home and send in events. */
    public static double approximate(double degrees) {
        return Math.round(degrees * 1000) / 1000.0;
    }
}
