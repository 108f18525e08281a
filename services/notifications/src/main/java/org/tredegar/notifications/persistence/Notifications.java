package org.tredegar.notifications.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.notifications.domain.Claimed;
import org.tredegar.notifications.domain.DeliveryState;
import org.tredegar.notifications.domain.Intent;
import org.tredegar.notifications.domain.MessageKind;
import org.tredegar.notifications.domain.NotificationStatus;
import org.tredegar.notifications.domain.OfferAnswer;
import org.tredegar.notifications.domain.RecipientType;
import org.tredegar.notifications.domain.SentOffer;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tredegar.notifications.domain.NotificationStatus.FAILED;
import static org.tredegar.notifications.domain.NotificationStatus.HELD;
import static org.tredegar.notifications.domain.NotificationStatus.PENDING;
import static org.tredegar.notifications.domain.NotificationStatus.SENDING;
import static org.tredegar.notifications.domain.NotificationStatus.SENT;
import static org.tredegar.notifications.domain.NotificationStatus.SKIPPED;
import static org.tredegar.notifications.domain.NotificationStatus.SUPPRESSED;
import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * The {@code notifications} rows ({@link NotificationEntity}): intents as the planner records them, the dispatcher's
 * queue (claim under a lease, then back to the queue or done), delivery receipts and SMS answers to offers. Every
 * change to a claimed row is conditional on the claim ({@code status = 'sending' AND claimed_at = <its claim>}), so
 * a dispatcher whose lease ran out cannot overwrite what another one did. In the caller's session or transaction.
 */
@ApplicationScoped
public class Notifications {
    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };
    /** Literal, not bound: the partial index {@code notifications_due} is on exactly these statuses. */
    private static final String DUE = NotificationStatus.sqlList(PENDING, HELD);
    private static final String STILL_CLAIMED = "WHERE id = ?1 AND status = '" + SENDING.slug() + "' AND claimed_at = ";

    /**
     * How a claimed message goes back to the queue. A release that was no attempt (quiet hours, rate limit, a lookup
     * outage) gives its attempt back. {@code lookupFailing}: the outage clock starts now unless it already runs. Any
     * other release stops it: the lookup answered, or the message was held by quiet hours, and time held is not time
     * spent trying (else a lookup that failed just before the night would give the message up at its first try in
     * the morning).
     */
    private enum Release {
        HOLD(HELD, false, false),
        REQUEUE(PENDING, false, false),
        RETRY(PENDING, true, false),
        AWAIT_LOOKUP(PENDING, false, true);

        final NotificationStatus status;
        final boolean attempt;
        final boolean lookupFailing;

        Release(NotificationStatus status, boolean attempt, boolean lookupFailing) {
            this.status = status;
            this.attempt = attempt;
            this.lookupFailing = lookupFailing;
        }
    }

    @Inject
    ObjectMapper json;

    // --- The planner's intents -------------------------------------------------------------------------------

    /** Serialises intents for one recipient and kind until the transaction ends. */
    public Uni<Void> lockRecipientKind(RecipientType recipientType, UUID recipientRef, MessageKind kind) {
        return AdvisoryLocks.hold(recipientType.slug() + ":" + recipientRef + ":" + kind.slug());
    }

    /** Messages of this kind recorded for the recipient since {@code since}, other than collapsed or skipped ones. */
    public Uni<Long> countRecent(RecipientType recipientType, UUID recipientRef, MessageKind kind, Instant since) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM notifications WHERE recipient_type = ?1 "
                                + "AND recipient_ref = ?2 AND kind = ?3 AND created_at > ?4 AND status NOT IN "
                                + NotificationStatus.sqlList(SUPPRESSED, SKIPPED), Long.class)
                .setParameter(1, recipientType.slug()).setParameter(2, recipientRef).setParameter(3, kind.slug())
                .setParameter(4, utc(since)).getSingleResult());
    }

    /**
     * Records the intent unless this event already caused this message to this recipient (unique per cause,
     * recipient and kind). True if it was recorded.
     */
    public Uni<Boolean> recordIntent(Intent intent, String language, String causationEventId, NotificationStatus status,
                                     Instant now, Instant nextAttemptAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO notifications (id, hub_id, kind, recipient_type, "
                                + "recipient_ref, language, urgent, status, causation_event_id, created_at, updated_at, subject_ref, "
                                + "params, next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13) "
                                + "ON CONFLICT DO NOTHING")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, intent.hubId())
                        .setParameter(3, intent.kind().slug())
                        .setParameter(4, intent.recipientType().slug())
                        .setParameter(5, intent.recipientRef())
                        .setParameter(6, language)
                        .setParameter(7, intent.urgent())
                        .setParameter(8, status.slug())
                        .setParameter(9, causationEventId)
                        .setParameter(10, utc(now))
                        .setParameter(11, intent.subjectRef())
                        .setParameter(12, toJson(intent.params()))
                        .setParameter(13, utc(nextAttemptAt))
                        .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    // --- The dispatcher's queue ------------------------------------------------------------------------------

    /** Up to {@code limit} due messages, oldest due first, taken for one attempt each (skipping rows others hold). */
    public Uni<List<Claimed>> claimDue(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT * FROM notifications WHERE status IN " + DUE
                                + " AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                        NotificationEntity.class)
                .setParameter(1, utc(now)).setParameter(2, limit).getResultList())
                .map(rows -> rows.stream().map(n -> {
                    n.status = SENDING;
                    n.attempts++;
                    n.claimedAt = now;
                    n.updatedAt = now;
                    return claimed(n);
                }).toList());
    }

    /** Sends still in "sending" after the lease (the process stopped mid-send) go back, in doubt. How many did. */
    public Uni<Integer> releaseStale(Instant now, Instant claimedBefore) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET status = '" + PENDING.slug()
                        + "', in_doubt = TRUE, next_attempt_at = ?1, updated_at = ?1 WHERE status = '" + SENDING.slug()
                        + "' AND claimed_at < ?2")
                .setParameter(1, utc(now)).setParameter(2, utc(claimedBefore)).executeUpdate());
    }

    /** Held by quiet hours until {@code until}. */
    public Uni<Void> hold(Claimed n, Instant until, Instant now) {
        return release(n, Release.HOLD, until, null, now);
    }

    /** Back in the queue for {@code at}, when the provider has a token again. */
    public Uni<Void> requeue(Claimed n, Instant at, Instant now) {
        return release(n, Release.REQUEUE, at, null, now);
    }

    /** The attempt failed; tried again at {@code at}. */
    public Uni<Void> retry(Claimed n, Instant at, String reason, Instant now) {
        return release(n, Release.RETRY, at, reason, now);
    }

    /** The contact or code lookup failed; tried again at {@code at}, the outage clock running. */
    public Uni<Void> awaitLookup(Claimed n, Instant at, String reason, Instant now) {
        return release(n, Release.AWAIT_LOOKUP, at, reason, now);
    }

    /**
     * About to be handed to the SMS provider: the number's keyed hash is kept first, so that an answer quicker than
     * {@link #markSent}'s commit (a YES three seconds after the offer, on a busy day) already finds who it is from.
     */
    public Uni<Boolean> noteReplyHash(Claimed n, String replyHash, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET reply_hash = ?2, updated_at = ?3 "
                                + STILL_CLAIMED + "?4")
                        .setParameter(1, n.id()).setParameter(2, replyHash).setParameter(3, utc(now))
                        .setParameter(4, utc(n.claimedAt())).executeUpdate())
                .map(updated -> updated > 0);
    }

    /**
     * Sent on {@code channel} under the provider's reference; an SMS offer keeps the {@code replyHash} of its number.
     * False when the lease ran out meanwhile (another dispatcher owns the row now).
     */
    public Uni<Boolean> markSent(Claimed n, String channel, String providerRef, String replyHash, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET status = '" + SENT.slug()
                                + "', channel = ?2, provider_ref = ?3, sent_at = ?4, updated_at = ?4, reply_hash = ?5, "
                                + "in_doubt = FALSE, reason = NULL, delivery_status = NULL, lookup_failing_since = NULL "
                                + STILL_CLAIMED + "?6")
                        .setParameter(1, n.id()).setParameter(2, channel).setParameter(3, providerRef)
                        .setParameter(4, utc(now)).setParameter(5, replyHash).setParameter(6, utc(n.claimedAt()))
                        .executeUpdate())
                .map(updated -> updated > 0);
    }

    /** Nothing to send. False when the row is no longer this claim's. */
    public Uni<Boolean> skip(Claimed n, String reason, Instant now) {
        return close(n, SKIPPED, reason, now);
    }

    /** Given up on. False when the row is no longer this claim's (then nobody may publish that it failed). */
    public Uni<Boolean> fail(Claimed n, String reason, Instant now) {
        return close(n, FAILED, reason, now);
    }

    private Uni<Boolean> close(Claimed n, NotificationStatus status, String reason, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "UPDATE notifications SET status = ?2, updated_at = ?3, reason = ?4 " + STILL_CLAIMED + "?5")
                        .setParameter(1, n.id()).setParameter(2, status.slug()).setParameter(3, utc(now))
                        .setParameter(4, reason).setParameter(5, utc(n.claimedAt())).executeUpdate())
                .map(updated -> updated > 0);
    }

    private Uni<Void> release(Claimed n, Release release, Instant next, String reason, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET status = ?2, next_attempt_at = ?3, "
                                + "updated_at = ?4, attempts = attempts - ?5, reason = COALESCE(?6, reason), "
                                + "lookup_failing_since = CASE WHEN CAST(?8 AS BOOLEAN) THEN COALESCE(lookup_failing_since, ?4) END "
                                + STILL_CLAIMED + "?7")
                .setParameter(1, n.id()).setParameter(2, release.status.slug()).setParameter(3, utc(next))
                .setParameter(4, utc(now)).setParameter(5, release.attempt ? 0 : 1).setParameter(6, reason)
                .setParameter(7, utc(n.claimedAt())).setParameter(8, release.lookupFailing)
                .executeUpdate()).replaceWithVoid();
    }

    // --- Delivery receipts -----------------------------------------------------------------------------------

    /** The notifications sent by SMS under this message sid, locked until the transaction ends. */
    public Uni<List<DeliveryState>> sentBySmsForUpdate(String messageSid) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT * FROM notifications WHERE provider_ref = ?1 AND channel = 'sms' FOR UPDATE", NotificationEntity.class)
                .setParameter(1, messageSid).getResultList())
                .map(rows -> rows.stream().map(Notifications::deliveryState).toList());
    }

    public Uni<DeliveryState> deliveryState(UUID id) {
        return Panache.getSession().chain(s -> s.find(NotificationEntity.class, id)).map(Notifications::deliveryState);
    }

    /** Writes back what receipts changed. */
    public Uni<Void> saveDeliveryState(DeliveryState n, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET status = ?2, delivery_status = ?3, "
                                + "reason = ?4, failed_channels = ?5, next_attempt_at = ?6, in_doubt = ?7, updated_at = ?8 WHERE id = ?1")
                .setParameter(1, n.id()).setParameter(2, n.status().slug()).setParameter(3, n.deliveryStatus())
                .setParameter(4, n.reason()).setParameter(5, n.failedChannels().isEmpty() ? null : String.join(",", n.failedChannels()))
                .setParameter(6, utc(n.nextAttemptAt())).setParameter(7, n.inDoubt()).setParameter(8, utc(now))
                .executeUpdate()).replaceWithVoid();
    }

    // --- SMS answers to offers -------------------------------------------------------------------------------

    /** The offers sent by SMS to the number with this keyed hash, the latest first. */
    public Uni<List<SentOffer>> offersSentTo(String replyHash) {
        // An offer still being handed to the provider counts: its answer can overtake the record of its sending.
        return NotificationEntity.<NotificationEntity>list("replyHash = ?1 and kind = ?2 and status in (?3, ?4) "
                                + "order by coalesce(sentAt, updatedAt) desc", replyHash, MessageKind.OFFER.slug(), SENT, SENDING)
                .map(rows -> rows.stream().map(n -> new SentOffer(n.id, n.hubId, n.recipientRef, n.subjectRef, n.language,
                        params(n.params), n.answer == null ? null : OfferAnswer.fromSlug(n.answer))).toList());
    }

    public Uni<Void> recordAnswer(UUID offerNotification, OfferAnswer answer, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET answer = ?2, updated_at = ?3 WHERE id = ?1")
                .setParameter(1, offerNotification).setParameter(2, answer.slug()).setParameter(3, utc(now))
                .executeUpdate()).replaceWithVoid();
    }

    // --- Row mapping -----------------------------------------------------------------------------------------

    private Claimed claimed(NotificationEntity n) {
        return new Claimed(n.id, n.hubId, MessageKind.of(n.kind), RecipientType.fromSlug(n.recipientType), n.recipientRef,
                n.language, n.urgent, n.causationEventId, n.subjectRef, params(n.params), n.attempts, n.claimedAt, n.inDoubt,
                n.createdAt, channels(n.failedChannels), n.lookupFailingSince);
    }

    private static DeliveryState deliveryState(NotificationEntity n) {
        return new DeliveryState(n.id, n.hubId, MessageKind.of(n.kind), RecipientType.fromSlug(n.recipientType), n.status,
                n.deliveryStatus, n.reason, channels(n.failedChannels), n.nextAttemptAt, n.inDoubt);
    }

    /** {@code failed_channels}: names, comma-separated. */
    private static List<String> channels(String column) {
        return column == null || column.isBlank() ? List.of() : List.of(column.split(","));
    }

    /** {@code params}: the template's values as JSON (never contact details). Unreadable values count as none. */
    private Map<String, Object> params(String column) {
        try {
            return column == null ? Map.of() : json.readValue(column, PARAMS);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private String toJson(Map<String, Object> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template values are not JSON", e);
        }
    }
}
