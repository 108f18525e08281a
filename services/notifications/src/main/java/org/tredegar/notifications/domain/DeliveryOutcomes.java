package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.notifications.persistence.Notifications;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;

import java.time.Instant;
import java.util.UUID;

/**
 * Records how an attempt at a claimed message ended, each in a transaction of its own (on its own Vert.x context,
 * see {@link OwnContext}): sent (with NotificationSent, and the delivery receipts that overtook the send), or a
 * {@link Decision} (back to the queue, skipped, or failed with NotificationFailed). A row whose lease ran out
 * meanwhile belongs to another dispatcher: nothing is recorded or published for it here.
 */
@ApplicationScoped
public class DeliveryOutcomes {
    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);
    private static final String NOT_RECORDED = "it stays in sending and is tried again after the lease";

    @Inject
    Notifications notifications;
    @Inject
    OutboxWriter outbox;
    @Inject
    ContactCipher cipher;
    @Inject
    SendCommitHook commitHook;
    @Inject
    DeliveryReceipts receipts;
    @Inject
    TimeSource clock;

    public Uni<Void> record(Claimed n, Decision decision) {
        Instant now = clock.now();
        if (decision instanceof Decision.Skip skip) {
            return OwnContext.transaction(() -> notifications.skip(n, skip.reason(), now)).replaceWithVoid();
        }
        if (decision instanceof Decision.Hold hold) {
            return OwnContext.transaction(() -> notifications.hold(n, hold.until(), now));
        }
        if (decision instanceof Decision.Requeue requeue) {
            return OwnContext.transaction(() -> notifications.requeue(n, requeue.at(), now));
        }
        if (decision instanceof Decision.Retry retry) {
            return OwnContext.transaction(() -> notifications.retry(n, retry.at(), retry.reason(), now))
                    .onFailure().invoke(e -> LOG.errorf("notification %s: the failed attempt could not be recorded (%s); "
                            + NOT_RECORDED, n.id(), e.toString()));
        }
        if (decision instanceof Decision.AwaitLookup wait) {
            // Debug only: in an outage this is every message on every retry; the row keeps the reason.
            LOG.debugf("notification %s: %s; waiting for it to come back", n.id(), wait.reason());
            return OwnContext.transaction(() -> notifications.awaitLookup(n, wait.at(), wait.reason(), now))
                    .onFailure().invoke(e -> LOG.errorf("notification %s: the failed lookup could not be recorded (%s); "
                            + NOT_RECORDED, n.id(), e.toString()));
        }
        Decision.GiveUp giveUp = (Decision.GiveUp) decision;
        return OwnContext.transaction(() -> notifications.fail(n, giveUp.reason(), now)
                        .chain(ours -> !ours ? Uni.createFrom().voidItem()
                                : outbox.append(new NotificationFailed(n.id(), n.hubId(), n.kind().slug(), giveUp.channel(),
                                n.recipientType().slug(), "gave up after " + n.attempts() + " attempt(s): " + giveUp.reason(), now))
                                .replaceWithVoid()))
                .onFailure().invoke(e -> LOG.errorf("notification %s: the failed attempt could not be recorded (%s); "
                        + NOT_RECORDED, n.id(), e.toString()));
    }

    /** Before an SMS goes to the provider: who it is for, by the number's keyed hash (see Notifications.noteReplyHash). */
    public Uni<Void> sending(Claimed n, Address address) {
        if (!"sms".equals(address.channel())) {
            return Uni.createFrom().voidItem();
        }
        String replyHash = cipher.lookupHash("sms", address.value());
        return OwnContext.transaction(() -> notifications.noteReplyHash(n, replyHash, clock.now())).replaceWithVoid();
    }

    /**
     * The provider took the message: {@code sent} + NotificationSent. Should this commit fail, the message was still
     * handed over: the row stays in sending, and after the lease the provider is asked before anything is resent.
     */
    public Uni<Void> sent(Claimed n, Address address, String providerRef) {
        Instant now = clock.now();
        boolean sms = "sms".equals(address.channel());
        // Every SMS keeps a keyed hash of the number it went to: a text back to the hub finds who it is from (a
        // volunteer answering an offer, a requester answering a question) without the number being stored.
        String replyHash = sms ? cipher.lookupHash("sms", address.value()) : null;
        return OwnContext.transaction(() -> notifications.markSent(n, address.channel(), providerRef, replyHash, now)
                        .chain(recorded -> {
                            if (!recorded) {
                                LOG.warnf("notification %s was sent after its lease ran out; another dispatcher owns it now", n.id());
                                return Uni.createFrom().item(false);
                            }
                            return outbox.append(new NotificationSent(n.id(), n.hubId(), n.kind().slug(), address.channel(),
                                    n.recipientType().slug(), uuidOrNull(n.causationEventId()), now)).replaceWith(true);
                        })
                        .call(() -> commitHook.beforeCommit(n.id(), n.recipientRef()))
                        // A delivery receipt may have overtaken this commit: it was kept when it came, and is applied now.
                        .chain(recorded -> recorded && sms && providerRef != null
                                ? receipts.applyEarly(n.id(), providerRef) : Uni.createFrom().voidItem()))
                .onFailure().invoke(e -> LOG.errorf("notification %s was handed to the provider but not recorded (%s); "
                        + "it stays in sending and is checked with the provider after the lease", n.id(), e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
