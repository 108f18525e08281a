package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

/** Where an offer stands. Only a pending offer can be answered; every other status is final. */
public enum OfferStatus implements Slugged {
    /** Asked, not answered yet (and not past its expiry, or the expiry job has not got to it). */
    PENDING("pending"),
    /** Taken: the volunteer now holds an assignment for the request. */
    ACCEPTED("accepted"),
    DECLINED("declined"),
    /** Nobody answered in time. */
    EXPIRED("expired"),
    /** Someone else took the request, or it closed, while this offer was pending. */
    WITHDRAWN("withdrawn");

    private final String slug;

    OfferStatus(String slug) {
        this.slug = slug;
    }

    /** The text stored in the status column. */
    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    public static OfferStatus fromSlug(String slug) {
        return Slugged.fromSlug(OfferStatus.class, slug);
    }
}
