package org.tredegar.notifications.domain;

import org.tredegar.contracts.model.Slugged;

/** How a volunteer answered an offer by SMS (the {@code answer} column of the offer's notification). */
public enum OfferAnswer implements Slugged {
    ACCEPTED("accepted"),
    DECLINED("declined");

    private final String slug;

    OfferAnswer(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    public static OfferAnswer fromSlug(String slug) {
        return Slugged.fromSlug(OfferAnswer.class, slug);
    }
}
