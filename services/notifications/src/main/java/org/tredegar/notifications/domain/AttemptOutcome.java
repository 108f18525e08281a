package org.tredegar.notifications.domain;

import org.tredegar.contracts.model.Slugged;

/** What one webhook delivery attempt came to, as the attempt list shows it ({@code webhook_attempts.outcome}). */
public enum AttemptOutcome implements Slugged {
    RETRYING("retrying"),
    DELIVERED("delivered"),
    /** The last attempt: the delivery's give-up time has passed. */
    GAVE_UP("gave-up");

    private final String slug;

    AttemptOutcome(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    public static AttemptOutcome fromSlug(String slug) {
        return Slugged.fromSlug(AttemptOutcome.class, slug);
    }
}
