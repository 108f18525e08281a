package org.tredegar.notifications.domain;

import org.tredegar.contracts.model.Slugged;

/**
 * Who a notification is for, by role: the recipient is this role and an id, and the address is asked of the owning
 * service at send time. The slugs are NotificationSent's {@code recipientType} values.
 */
public enum RecipientType implements Slugged {
    /** The person behind a request (requests service). */
    REQUESTER("requester"),
    /** A volunteer, or someone signing up as one (volunteers service). */
    VOLUNTEER("volunteer"),
    /** A hub's coordinators, reached at the hub's duty contact: the recipient id is the hub's. */
    COORDINATOR("coordinator");

    private final String slug;

    RecipientType(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    public static RecipientType fromSlug(String slug) {
        return Slugged.fromSlug(RecipientType.class, slug);
    }
}
