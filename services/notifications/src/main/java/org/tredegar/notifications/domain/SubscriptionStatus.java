package org.tredegar.notifications.domain;

import org.tredegar.contracts.model.Slugged;

/** Whether a partner webhook gets deliveries. Stored as the slug in {@code subscriptions.status}. */
public enum SubscriptionStatus implements Slugged {
    ACTIVE("active"),
    /** Too many failed deliveries in a row: collects deliveries, sends none until its partner resumes it. */
    PAUSED("paused"),
    /** Deleted by its partner or an admin: no longer listed or delivered to; the sealed secret is wiped. */
    DELETED("deleted");

    private final String slug;

    SubscriptionStatus(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }
}
