package org.tredegar.volunteers.domain;

/** Rounding of places before they are stored or sent (distances: GeoPoint.distanceKm in contracts). */
public final class Geo {
    private Geo() {
    }

    /** Rounded to three decimals (~110 m): what we store of a home and send in events. */
    public static double approximate(double degrees) {
        return Math.round(degrees * 1000) / 1000.0;
    }
}
