package org.tredegar.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a request came in. */
public enum IntakeChannel implements Slugged {

    WEB("web"),
    PARTNER("partner"),
    SMS("sms"),
    HOTLINE("hotline");

    private final String slug;

    IntakeChannel(String slug) {
        this.slug = slug;
    }

    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    @JsonCreator
    public static IntakeChannel fromSlug(String slug) {
        return Slugged.fromSlug(IntakeChannel.class, slug);
    }
}
