package org.tredegar.notifications.domain;

import org.tredegar.platform.privacy.ContactCipher;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner's webhook: where to send which events of which hubs, whether it is active or paused (and why).
 * {@code partner} is the owning OAuth client; {@code secret} stays sealed (it is opened only to sign a delivery and
 * is never answered); {@code seq} orders the list (assigned by the database, null before the first insert).
 */
public record Subscription(UUID id, String partner, String url, List<String> eventTypes, List<UUID> hubIds,
                           SubscriptionStatus status, String statusReason, int consecutiveFailures, Instant createdAt,
                           Instant deletedAt, Long seq, ContactCipher.Sealed secret) {

    /** Deleted: as if it never existed, for everyone. */
    public boolean deleted() {
        return deletedAt != null || status == SubscriptionStatus.DELETED;
    }

    /** As it reads once resumed: active again, with no reason to be paused and no failures counted. */
    public Subscription resumed() {
        return new Subscription(id, partner, url, eventTypes, hubIds, SubscriptionStatus.ACTIVE, null, 0, createdAt,
                deletedAt, seq, secret);
    }

    /** The secret's associated data: a sealed secret opens only for the subscription it was sealed for. */
    public static String secretScope(UUID id) {
        return "subscription:" + id;
    }
}
