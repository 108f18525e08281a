package org.tredegar.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a request stands, as shown in APIs; derived from the request events. */
public enum RequestStatus implements Slugged {

    SUBMITTED("submitted"),
    TRIAGED("triaged"),
    MATCHED("matched"),
    IN_PROGRESS("in-progress"),
    FULFILLED("fulfilled"),
    CANCELLED("cancelled"),
    CLOSED("closed"),
    ESCALATED("escalated");

    private final String slug;

    RequestStatus(String slug) {
        this.slug = slug;
    }

    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    @JsonCreator
    public static RequestStatus fromSlug(String slug) {
        return Slugged.fromSlug(RequestStatus.class, slug);
    }
}
