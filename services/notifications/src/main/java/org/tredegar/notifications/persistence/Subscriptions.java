package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.notifications.domain.Subscription;
import org.tredegar.notifications.domain.SubscriptionStatus;
import org.tredegar.platform.privacy.ContactCipher;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * {@code subscriptions} ({@link SubscriptionEntity}): partners' webhooks. Event types and hub ids are kept
 * comma-separated; a deleted subscription keeps its row (its past deliveries point at it) with the secret wiped.
 * In the caller's session or transaction.
 */
@ApplicationScoped
public class Subscriptions {

    public Uni<Void> insert(Subscription s, Instant now) {
        SubscriptionEntity e = new SubscriptionEntity();
        e.id = s.id();
        e.partner = s.partner();
        e.url = s.url();
        e.eventTypes = String.join(",", s.eventTypes());
        e.hubIds = s.hubIds().stream().map(UUID::toString).collect(Collectors.joining(","));
        e.secretKeyId = s.secret().keyId();
        e.secretNonce = s.secret().nonce();
        e.secretCiphertext = s.secret().ciphertext();
        e.status = s.status();
        e.statusReason = s.statusReason();
        e.consecutiveFailures = s.consecutiveFailures();
        e.createdAt = now;
        e.updatedAt = now;
        return e.persist().replaceWithVoid();
    }

    /** Deleted ones too: whoever asks decides what a deleted one means to them. */
    public Uni<Optional<Subscription>> find(UUID id) {
        return SubscriptionEntity.<SubscriptionEntity>findById(id).map(e -> Optional.ofNullable(e).map(Subscriptions::subscription));
    }

    /**
     * Up to {@code limit} subscriptions not deleted, after list position {@code afterSeq}, in list order: only this
     * partner's when one is named, only those that include this hub when one is named.
     */
    public Uni<List<Subscription>> listAfter(long afterSeq, Optional<String> partner, Optional<UUID> hub, int limit) {
        StringBuilder query = new StringBuilder("deletedAt is null and seq > :after");
        Parameters params = Parameters.with("after", afterSeq);
        partner.ifPresent(p -> {
            query.append(" and partner = :partner");
            params.and("partner", p);
        });
        hub.ifPresent(h -> {
            query.append(" and hubIds like :hub");
            params.and("hub", "%" + h + "%");
        });
        query.append(" order by seq");
        return SubscriptionEntity.<SubscriptionEntity>find(query.toString(), params).page(0, limit).list()
                .map(rows -> rows.stream().map(Subscriptions::subscription).toList());
    }

    /** The active and paused subscriptions to this event type of this hub (paused ones collect their deliveries). */
    public Uni<List<Subscription>> receiving(String eventType, UUID hubId) {
        return SubscriptionEntity.<SubscriptionEntity>list("status in (?1, ?2) and eventTypes like ?3 and hubIds like ?4",
                        SubscriptionStatus.ACTIVE, SubscriptionStatus.PAUSED, "%" + eventType + "%", "%" + hubId + "%")
                .map(rows -> rows.stream().map(Subscriptions::subscription)
                        // LIKE narrows the rows down; the lists themselves decide.
                        .filter(s -> s.eventTypes().contains(eventType) && s.hubIds().contains(hubId))
                        .toList());
    }

    public Uni<Map<UUID, Subscription>> byIds(Collection<UUID> ids) {
        return SubscriptionEntity.<SubscriptionEntity>list("id in ?1", ids)
                .map(rows -> rows.stream().map(Subscriptions::subscription)
                        .collect(Collectors.toMap(Subscription::id, Function.identity())));
    }

    /** Deleted: no longer listed or readable, and the sealed secret is wiped (gone, not just hidden). */
    public Uni<Void> markDeleted(UUID id, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE subscriptions SET status = '"
                        + SubscriptionStatus.DELETED.slug() + "', status_reason = NULL, deleted_at = ?2, updated_at = ?2, "
                        + "secret_key_id = '', secret_nonce = ''::bytea, secret_ciphertext = ''::bytea WHERE id = ?1")
                .setParameter(1, id).setParameter(2, utc(now)).executeUpdate()).replaceWithVoid();
    }

    /** Active again, with no reason to be paused and no failures counted. */
    public Uni<Void> resume(UUID id, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE subscriptions SET status = '"
                        + SubscriptionStatus.ACTIVE.slug() + "', status_reason = NULL, consecutive_failures = 0, updated_at = ?2 "
                        + "WHERE id = ?1")
                .setParameter(1, id).setParameter(2, utc(now)).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> deliverySucceeded(UUID id, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE subscriptions SET consecutive_failures = 0, updated_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, utc(now)).executeUpdate()).replaceWithVoid();
    }

    /** One more failure in a row; at {@code pauseAfter} of them an active subscription is paused, saying {@code why}. */
    public Uni<Void> deliveryFailed(UUID id, Instant now, int pauseAfter, String why) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE subscriptions SET consecutive_failures = "
                        + "consecutive_failures + 1, updated_at = ?2, "
                        + "status = CASE WHEN consecutive_failures + 1 >= ?3 THEN '" + SubscriptionStatus.PAUSED.slug() + "' ELSE status END, "
                        + "status_reason = CASE WHEN consecutive_failures + 1 >= ?3 AND status = '" + SubscriptionStatus.ACTIVE.slug()
                        + "' THEN ?4 ELSE status_reason END WHERE id = ?1")
                .setParameter(1, id).setParameter(2, utc(now)).setParameter(3, pauseAfter).setParameter(4, why)
                .executeUpdate()).replaceWithVoid();
    }

    private static Subscription subscription(SubscriptionEntity e) {
        return new Subscription(e.id, e.partner, e.url, split(e.eventTypes), split(e.hubIds).stream().map(UUID::fromString).toList(),
                e.status, e.statusReason, e.consecutiveFailures, e.createdAt, e.deletedAt, e.seq,
                new ContactCipher.Sealed(e.secretKeyId, e.secretNonce, e.secretCiphertext));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }
}
