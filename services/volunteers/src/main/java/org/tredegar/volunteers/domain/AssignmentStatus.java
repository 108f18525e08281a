package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

/** A volunteer's hold on a request. Only an active assignment can be completed or released. */
public enum AssignmentStatus implements Slugged {
    ACTIVE("active"),
    COMPLETED("completed"),
    /** Given back: no blame, it does not count against the volunteer. */
    RELEASED("released");

    private final String slug;

    AssignmentStatus(String slug) {
        this.slug = slug;
    }

    /** The text stored in the status column. */
    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    public static AssignmentStatus fromSlug(String slug) {
        return Slugged.fromSlug(AssignmentStatus.class, slug);
    }
}
