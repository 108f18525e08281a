package org.tredegar.requests.domain;

import org.tredegar.contracts.model.GeoPoint;

/** Events carry places only to about 100 m: enough to match a neighbour, not enough to find a door. */
public final class Locations {
    private Locations() {
    }

    public static GeoPoint approximate(Double lat, Double lon) {
        if (lat == null || lon == null) {
            return null;
        }
        return new GeoPoint(lat, lon).approximate();
    }
}
