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
}
