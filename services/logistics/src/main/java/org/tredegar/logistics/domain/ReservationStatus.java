package org.tredegar.logistics.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

import java.util.Collection;

/** Where one request's supplies stand in the saga. Stored by slug in {@code reservations.status}. */
public enum ReservationStatus implements Slugged {
    /** An offer was accepted before the request arrived: the volunteer is remembered, nothing is held. */
    AWAITING_REQUEST("awaiting-request"),
    RESERVED("reserved"),
    /** Not everything could be set aside: nothing is held, and a later receipt in the hub retries it. */
    FAILED("failed"),
    RELEASED("released"),
    /** Picked up: the goods have left the shelf. */
    ISSUED("issued"),
    DELIVERED("delivered");

    private final String slug;

    ReservationStatus(String slug) {
        this.slug = slug;
    }

    /** The text stored in the status column. */
    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    public static ReservationStatus fromSlug(String slug) {
        return Slugged.fromSlug(ReservationStatus.class, slug);
    }

    /** A reservation is as far along as its least advanced line: anything still on the shelf keeps it reserved. */
    public static ReservationStatus fromLines(Collection<ReservationLineState> lines) {
        if (lines.contains(ReservationLineState.RESERVED)) {
            return RESERVED;
        }
        if (lines.contains(ReservationLineState.ISSUED)) {
            return ISSUED;
        }
        if (lines.contains(ReservationLineState.DELIVERED)) {
            return DELIVERED;
        }
        return RELEASED;
    }
}
