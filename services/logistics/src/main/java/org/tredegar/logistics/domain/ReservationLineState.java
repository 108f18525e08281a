package org.tredegar.logistics.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

/**
 * What became of a quantity taken from one lot: reserved → issued (picked up) → delivered, or released. Stored by
 * slug in {@code reservation_lines.state}.
 */
public enum ReservationLineState implements Slugged {
    RESERVED("reserved"),
    ISSUED("issued"),
    DELIVERED("delivered"),
    RELEASED("released");

    private final String slug;

    ReservationLineState(String slug) {
        this.slug = slug;
    }

    /** The text stored in the state column. */
    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    public static ReservationLineState fromSlug(String slug) {
        return Slugged.fromSlug(ReservationLineState.class, slug);
    }
}
