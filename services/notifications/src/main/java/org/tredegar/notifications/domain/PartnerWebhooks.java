package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.notifications.persistence.Subscriptions;
import org.tredegar.notifications.persistence.WebhookAttempts;
import org.tredegar.notifications.persistence.WebhookDeliveries;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.privacy.ContactCipher;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Partners' webhook subscriptions: a partner subscribes its own URL to event types of the hubs it acts for, reads,
 * resumes and deletes its own; operators and admins list every partner's, admins delete any. Someone else's
 * subscription, like a deleted one, is not there for the caller. The secret is sealed at once and never read back.
 */
@ApplicationScoped
public class PartnerWebhooks {
    @Inject
    Subscriptions subscriptions;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookAttempts attempts;
    @Inject
    ContactCipher cipher;
    @Inject
    AuditTrail audit;
    @Inject
    TimeSource clock;

    /** A new, active subscription of {@code partner} (its OAuth client); the caller has checked what it asks for. */
    public Uni<Subscription> subscribe(String partner, String url, List<String> eventTypes, Set<UUID> hubIds, String secret) {
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        Subscription s = new Subscription(id, partner, url, List.copyOf(new LinkedHashSet<>(eventTypes)), List.copyOf(hubIds),
                SubscriptionStatus.ACTIVE, null, 0, now, null, null, cipher.seal(secret, Subscription.secretScope(id)));
        return Panache.withTransaction(() -> subscriptions.insert(s, now)).replaceWith(s);
    }

    /**
     * Up to {@code limit} subscriptions after list position {@code afterSeq}, oldest first: only {@code partner}'s
     * when one is named (else every partner's), only those including {@code hub} when one is named.
     */
    public Uni<List<Subscription>> list(Optional<String> partner, Optional<UUID> hub, long afterSeq, int limit) {
        return Panache.withSession(() -> subscriptions.listAfter(afterSeq, partner, hub, limit));
    }

    /** The partner's own subscription; empty for someone else's, a deleted or an unknown one. */
    public Uni<Optional<Subscription>> own(UUID id, String partner) {
        return Panache.withSession(() -> ownIn(id, partner));
    }

    /** A paused subscription starts again; its waiting deliveries go out now. */
    public Uni<Optional<Subscription>> resume(UUID id, String partner) {
        return Panache.withTransaction(() -> ownIn(id, partner).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(found);
            }
            Instant now = clock.now();
            return subscriptions.resume(id, now)
                    .chain(() -> deliveries.waitingDueNow(id, now))
                    .replaceWith(Optional.of(found.get().resumed()));
        }));
    }

    /**
     * Stops deliveries for good: waiting deliveries are cancelled, the sealed secret is wiped, and the subscription
     * is no longer listed or readable. Its partner's, or anyone's for an admin; audited in each of its hubs as
     * {@code actor}. False when it is not there for the caller.
     */
    public Uni<Boolean> delete(UUID id, String client, boolean admin, String actor) {
        return Panache.withTransaction(() -> subscriptions.find(id).chain(found -> {
            Optional<Subscription> deletable = found.filter(s -> !s.deleted() && (admin || s.partner().equals(client)));
            if (deletable.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            Subscription s = deletable.get();
            Uni<Void> chain = subscriptions.markDeleted(id, clock.now()).chain(() -> deliveries.cancelWaiting(id));
            for (UUID hubId : s.hubIds()) {
                chain = chain.chain(() -> audit.record(hubId, actor, "subscription.deleted", id.toString(),
                        "partner " + s.partner()).replaceWithVoid());
            }
            return chain.replaceWith(true);
        }));
    }

    /** Every attempt at the partner's subscription's deliveries, oldest first; empty when it is not theirs. */
    public Uni<Optional<List<WebhookAttempt>>> attempts(UUID id, String partner, long afterSeq, int limit) {
        return Panache.withSession(() -> ownIn(id, partner).chain(found -> found.isEmpty()
                ? Uni.createFrom().item(Optional.<List<WebhookAttempt>>empty())
                : attempts.listAfter(id, afterSeq, limit).map(Optional::of)));
    }

    private Uni<Optional<Subscription>> ownIn(UUID id, String partner) {
        return subscriptions.find(id).map(found -> found.filter(s -> !s.deleted() && s.partner().equals(partner)));
    }
}
