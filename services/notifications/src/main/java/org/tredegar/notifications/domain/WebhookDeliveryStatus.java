package org.tredegar.notifications.domain;

import org.tredegar.contracts.model.Slugged;

/** Where one delivery of one event to one subscription stands ({@code webhook_deliveries.status}). */
public enum WebhookDeliveryStatus implements Slugged {
    /** Due at {@code next_attempt_at} (claimed by moving that past the request timeout). */
    PENDING("pending"),
    DELIVERED("delivered"),
    /** Its give-up time passed without a 2xx. */
    FAILED("failed"),
    /** Its subscription was deleted before it went out. */
    CANCELLED("cancelled");

    private final String slug;

    WebhookDeliveryStatus(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }
}
