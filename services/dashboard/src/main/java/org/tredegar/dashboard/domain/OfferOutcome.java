package org.tredegar.dashboard.domain;

import org.tredegar.contracts.model.Slugged;

/** How a volunteer answered an offer ({@code offer_state.outcome}, stored as the slug). */
public enum OfferOutcome implements Slugged {
    ACCEPTED("accepted"), DECLINED("declined"), EXPIRED("expired");

    private final String slug;

    OfferOutcome(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }
}
