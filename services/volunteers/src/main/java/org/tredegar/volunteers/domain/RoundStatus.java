package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

/** Where the matching round of one request stands. */
public enum RoundStatus implements Slugged {
    /** Asking: kept at k pending offers. */
    OPEN("open"),
    /** Someone accepted; a release opens it again. */
    ASSIGNED("assigned"),
    /** The assigned volunteer completed the task. */
    DONE("done"),
    /** The request was cancelled, closed, fulfilled or merged away. */
    CLOSED("closed");

    private final String slug;

    RoundStatus(String slug) {
        this.slug = slug;
    }

    /** The text stored in the status column. */
    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    public static RoundStatus fromSlug(String slug) {
        return Slugged.fromSlug(RoundStatus.class, slug);
    }
}
