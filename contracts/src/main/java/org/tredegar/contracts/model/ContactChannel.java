package org.tredegar.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a requester can be reached, if at all. The details themselves never leave the requests service. */
public enum ContactChannel implements Slugged {

    SMS("sms"),
    EMAIL("email"),
    PHONE("phone"),
    NONE("none");

    private final String slug;

    ContactChannel(String slug) {
        this.slug = slug;
    }

    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    @JsonCreator
    public static ContactChannel fromSlug(String slug) {
        return Slugged.fromSlug(ContactChannel.class, slug);
    }
}
