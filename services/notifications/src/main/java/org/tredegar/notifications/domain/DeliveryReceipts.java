package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.notifications.persistence.NotificationEntity;
import org.tredegar.platform.outbox.OutboxWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The SMS provider's delivery receipts. A receipt records the delivery status; one saying the SMS failed or was not
 * delivered moves a sent notification on to the next channel of the recipient's fallback chain (the dispatcher sends
 * it there and publishes NotificationFailed if there is none). Once only: the notification is no longer "sent" by
 * SMS afterwards, so a repeated receipt changes nothing more. A one-time code has no fallback (it must arrive on the
 * channel it confirms): it is failed at once. A receipt that overtakes the commit of its send is kept and applied
 * when the send is recorded, not dropped.
 */
@ApplicationScoped
public class DeliveryReceipts {
    private static final Logger LOG = Logger.getLogger(DeliveryReceipts.class);
    static final Set<String> FAILED = Set.of("failed", "undelivered");

    @Inject
    OutboxWriter outbox;
    @Inject
    TimeSource clock;
    @ConfigProperty(name = "tredegar.sms.early-receipts.keep", defaultValue = "PT24H")
    Duration keepEarlyReceipts;

    /**
     * Answers how many notifications the receipt was about. 0 when the message sid is not (or no longer) ours, or
     * when the send it reports on is not committed yet: then the receipt is kept and applied by
     * {@link #applyEarly} in the transaction that records the send.
     */
    public Uni<Integer> record(String messageSid, String messageStatus, String errorCode) {
        String state = messageStatus.toLowerCase(Locale.ROOT);
        Instant now = clock.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> lockSid(s, messageSid)
                .chain(() -> s.createNativeQuery(
                                "SELECT * FROM notifications WHERE provider_ref = ?1 AND channel = 'sms' FOR UPDATE", NotificationEntity.class)
                        .setParameter(1, messageSid).getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return keep(s, messageSid, state, errorCode, now).replaceWith(0);
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (NotificationEntity n : rows) {
                        chain = chain.chain(() -> apply(n, state, errorCode, now));
                    }
                    return chain.replaceWith(rows.size());
                })));
    }

    /**
     * In the transaction that records an SMS as sent under {@code messageSid}: the receipts that arrived before it
     * are applied now, in the order they came, as if they had arrived just after it.
     */
    public Uni<Void> applyEarly(UUID notificationId, String messageSid) {
        Instant now = clock.now();
        return Panache.getSession().chain(s -> lockSid(s, messageSid)
                .chain(() -> s.createNativeQuery("WITH taken AS (DELETE FROM early_sms_receipts WHERE message_sid = ?1 "
                                + "RETURNING id, message_status, error_code) SELECT message_status, error_code FROM taken ORDER BY id",
                        Object[].class).setParameter(1, messageSid).getResultList())
                .chain(receipts -> {
                    if (receipts.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return s.find(NotificationEntity.class, notificationId).chain(n -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Object[] receipt : receipts) {
                            chain = chain.chain(() -> apply(n, (String) receipt[0], (String) receipt[1], now));
                        }
                        LOG.infof("notification %s: %d delivery receipt(s) had arrived before the send was recorded",
                                notificationId, receipts.size());
                        return chain;
                    });
                }));
    }

    /** Receipts that never met their send (not ours, or a send that was never recorded) are kept this long. */
    @Scheduled(every = "${tredegar.sms.early-receipts.prune-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "DELETE FROM early_sms_receipts WHERE received_at < ?1")
                        .setParameter(1, NotificationPlanner.utc(clock.now().minus(keepEarlyReceipts))).executeUpdate()))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("early delivery receipts could not be pruned: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> apply(NotificationEntity n, String state, String errorCode, Instant now) {
        boolean failed = FAILED.contains(state);
        n.deliveryStatus = state;
        n.updatedAt = now;
        if (failed) {
            n.reason = "the provider reports " + state + (errorCode == null || errorCode.isBlank() ? "" : " (error " + errorCode + ")");
            if ("sent".equals(n.status)) {
                return moveOn(n, n.reason, now);
            }
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> keep(Mutiny.Session s, String messageSid, String state, String errorCode, Instant now) {
        if (messageSid.length() > 64 || state.length() > 32 || (errorCode != null && errorCode.length() > 32)) {
            return Uni.createFrom().voidItem(); // no provider's sid or status looks like this: nothing to wait for
        }
        return s.createNativeQuery("INSERT INTO early_sms_receipts (message_sid, message_status, error_code, received_at) "
                        + "VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, messageSid).setParameter(2, state).setParameter(3, errorCode)
                .setParameter(4, NotificationPlanner.utc(now)).executeUpdate().replaceWithVoid();
    }

    /**
     * A receipt and the send it reports on take turns: whichever comes second sees what the first committed (a
     * receipt that finds no sent notification is kept; the send that follows finds it kept).
     */
    private static Uni<Void> lockSid(Mutiny.Session s, String messageSid) {
        return s.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked", Integer.class)
                .setParameter(1, "sms-receipt:" + messageSid).getSingleResult().replaceWithVoid();
    }

    private Uni<Void> moveOn(NotificationEntity n, String reason, Instant now) {
        if (MessageKind.ONE_TIME_CODE.slug().equals(n.kind)) {
            n.status = "failed";
            return outbox.append(new NotificationFailed(n.id, n.hubId, n.kind, "sms", n.recipientType,
                    reason + "; a one-time code is not sent on another channel", now)).replaceWithVoid();
        }
        List<String> failedChannels = new ArrayList<>(n.failedChannels == null || n.failedChannels.isBlank()
                ? List.of() : Arrays.asList(n.failedChannels.split(",")));
        if (!failedChannels.contains("sms")) {
            failedChannels.add("sms");
        }
        n.failedChannels = String.join(",", failedChannels);
        n.status = "pending";
        n.nextAttemptAt = now;
        n.inDoubt = false;
        LOG.infof("notification %s: the SMS was not delivered (%s); trying the next channel if any", n.id, reason);
        return Uni.createFrom().voidItem();
    }
}
