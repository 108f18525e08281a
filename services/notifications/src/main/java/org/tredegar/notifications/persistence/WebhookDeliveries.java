package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.notifications.domain.DueDelivery;
import org.tredegar.notifications.domain.SubscriptionStatus;
import org.tredegar.notifications.domain.WebhookDeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.instant;
import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * {@code webhook_deliveries}: one per (subscription, event), the CloudEvent to send and where it stands. Attempts are
 * stored rows picked up by a scheduled job: nothing waits in memory. In the caller's session or transaction.
 */
@ApplicationScoped
public class WebhookDeliveries {
    private static final String PENDING = "'" + WebhookDeliveryStatus.PENDING.slug() + "'";

    /** A delivery of this event to this subscription, due now, unless it has one already. */
    public Uni<Void> insert(UUID subscriptionId, String eventId, String eventType, String payload, Instant now, Instant giveUpAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO webhook_deliveries (id, subscription_id, event_id, "
                                + "event_type, payload, status, attempts, next_attempt_at, give_up_at, created_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, " + PENDING + ", 0, ?6, ?7, ?6) "
                                + "ON CONFLICT (subscription_id, event_id) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscriptionId).setParameter(3, eventId)
                .setParameter(4, eventType).setParameter(5, payload).setParameter(6, utc(now))
                .setParameter(7, utc(giveUpAt)).executeUpdate()).replaceWithVoid();
    }

    /**
     * Up to {@code limit} due deliveries of active subscriptions, each counted as one more attempt and claimed by
     * moving its next attempt to {@code claimedUntil}: another instance skips them meanwhile.
     */
    public Uni<List<DueDelivery>> claimDue(Instant now, Instant claimedUntil, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE webhook_deliveries SET attempts = attempts + 1, "
                                + "next_attempt_at = ?1 WHERE id IN (SELECT d.id FROM webhook_deliveries d JOIN subscriptions s "
                                + "ON s.id = d.subscription_id WHERE d.status = " + PENDING + " AND d.next_attempt_at <= ?2 "
                                + "AND s.status = '" + SubscriptionStatus.ACTIVE.slug() + "' ORDER BY d.next_attempt_at LIMIT ?3 "
                                + "FOR UPDATE OF d SKIP LOCKED) RETURNING id, subscription_id, payload, attempts, give_up_at",
                        Object[].class)
                .setParameter(1, utc(claimedUntil)).setParameter(2, utc(now)).setParameter(3, limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new DueDelivery((UUID) r[0], (UUID) r[1], (String) r[2],
                        ((Number) r[3]).intValue(), instant(r[4]))).toList());
    }

    /** Not sent (the rate limit): due again at {@code at}, and the claim gives its attempt back. */
    public Uni<Void> requeue(UUID id, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE webhook_deliveries SET attempts = attempts - 1, next_attempt_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, utc(at)).executeUpdate()).replaceWithVoid();
    }

    /** After an attempt: its new status, and when it is next due (null: no further attempt). */
    public Uni<Void> settle(UUID id, WebhookDeliveryStatus status, Instant next) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE webhook_deliveries SET status = ?2, next_attempt_at = COALESCE(?3, next_attempt_at) WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status.slug()).setParameter(3, utc(next)).executeUpdate()).replaceWithVoid();
    }

    /** The subscription was deleted: what still waits for it will never go out. */
    public Uni<Void> cancelWaiting(UUID subscriptionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE webhook_deliveries SET status = '"
                        + WebhookDeliveryStatus.CANCELLED.slug() + "' WHERE subscription_id = ?1 AND status = " + PENDING)
                .setParameter(1, subscriptionId).executeUpdate()).replaceWithVoid();
    }

    /** The subscription was resumed: what waits for it is due now. */
    public Uni<Void> waitingDueNow(UUID subscriptionId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE webhook_deliveries SET next_attempt_at = ?2 "
                        + "WHERE subscription_id = ?1 AND status = " + PENDING)
                .setParameter(1, subscriptionId).setParameter(2, utc(now)).executeUpdate()).replaceWithVoid();
    }
}
