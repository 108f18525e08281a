package org.tredegar.dashboard.domain;

import org.tredegar.contracts.model.Slugged;

/** What became of a message to a person ({@code notification_outcome.outcome}, stored as the slug). */
public enum MessageOutcome implements Slugged {
    SENT("sent"), FAILED("failed");

    private final String slug;

    MessageOutcome(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }
}
