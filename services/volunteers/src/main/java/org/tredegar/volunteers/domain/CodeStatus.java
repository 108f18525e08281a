package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

/** A one-time code. Only a pending code can be sent or answered. */
public enum CodeStatus implements Slugged {
    PENDING("pending"),
    /** Answered correctly. */
    USED("used"),
    /** A newer code was sent for the same sign-up. */
    REPLACED("replaced"),
    /** Its sign-up locked after too many wrong codes. */
    LOCKED("locked");

    private final String slug;

    CodeStatus(String slug) {
        this.slug = slug;
    }

    /** The text stored in the status column. */
    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    public static CodeStatus fromSlug(String slug) {
        return Slugged.fromSlug(CodeStatus.class, slug);
    }
}
