package org.tredegar.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How soon help is needed. {@code life-safety} requests get emergency-services guidance at once and are still
 * tracked; {@code urgent} means within 24 hours, {@code routine} within a week, {@code scheduled} at a given time.
 */
public enum Urgency implements Slugged {

    LIFE_SAFETY("life-safety"),
    URGENT("urgent"),
    ROUTINE("routine"),
    SCHEDULED("scheduled");

    private final String slug;

    Urgency(String slug) {
        this.slug = slug;
    }

    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    @JsonCreator
    public static Urgency fromSlug(String slug) {
        return Slugged.fromSlug(Urgency.class, slug);
    }
}
