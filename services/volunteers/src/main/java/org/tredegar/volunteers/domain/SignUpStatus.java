package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

/** A sign-up by one-time code. */
public enum SignUpStatus implements Slugged {
    /** Waiting for the right code. */
    PENDING("pending"),
    /** Too many wrong codes: only a new sign-up sends a new code. */
    LOCKED("locked"),
    /** The right code came: the sign-up became (or found) a volunteer. */
    CONFIRMED("confirmed");

    private final String slug;

    SignUpStatus(String slug) {
        this.slug = slug;
    }

    /** The text stored in the status column. */
    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    public static SignUpStatus fromSlug(String slug) {
        return Slugged.fromSlug(SignUpStatus.class, slug);
    }
}
