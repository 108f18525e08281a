package org.tredegar.logistics.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

/** What kind of place a stock location is. Extend, don't rename: stored by slug. */
public enum LocationKind implements Slugged {
    FOOD_BANK("food-bank"),
    COMMUNITY_CENTRE("community-centre"),
    WAREHOUSE("warehouse"),
    VOLUNTEER_GARAGE("volunteer-garage"),
    OTHER("other");

    private final String slug;

    LocationKind(String slug) {
        this.slug = slug;
    }

    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    @JsonCreator
    public static LocationKind fromSlug(String slug) {
        return Slugged.fromSlug(LocationKind.class, slug);
    }
}
