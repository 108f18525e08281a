package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.notifications.persistence.EarlySmsReceipts;
import org.tredegar.notifications.persistence.Notifications;
import org.tredegar.platform.outbox.OutboxWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @Inject
    Notifications notifications;
    @Inject
    EarlySmsReceipts earlyReceipts;
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
        SmsReceipt receipt = new SmsReceipt(messageStatus.toLowerCase(Locale.ROOT), errorCode);
        Instant now = clock.now();
        return Panache.withTransaction(() -> earlyReceipts.lock(messageSid)
                .chain(() -> notifications.sentBySmsForUpdate(messageSid))
                .chain(sent -> {
                    if (sent.isEmpty()) {
                        return keep(messageSid, receipt, now).replaceWith(0);
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (DeliveryState n : sent) {
                        chain = chain.chain(() -> applyAll(n, List.of(receipt), now));
                    }
                    return chain.replaceWith(sent.size());
                }));
    }

    /**
     * In the transaction that records an SMS as sent under {@code messageSid}: the receipts that arrived before it
     * are applied now, in the order they came, as if they had arrived just after it.
     */
    public Uni<Void> applyEarly(UUID notificationId, String messageSid) {
        Instant now = clock.now();
        return earlyReceipts.lock(messageSid)
                .chain(() -> earlyReceipts.takeAll(messageSid))
                .chain(kept -> {
                    if (kept.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("notification %s: %d delivery receipt(s) had arrived before the send was recorded",
                            notificationId, kept.size());
                    return notifications.deliveryState(notificationId).chain(n -> applyAll(n, kept, now));
                });
    }

    /** Receipts that never met their send (not ours, or a send that was never recorded) are kept this long. */
    @Scheduled(every = "${tredegar.sms.early-receipts.prune-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return Panache.withTransaction(() -> earlyReceipts.pruneReceivedBefore(clock.now().minus(keepEarlyReceipts)))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("early delivery receipts could not be pruned: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> keep(String messageSid, SmsReceipt receipt, Instant now) {
        if (messageSid.length() > 64 || receipt.status().length() > 32
                || (receipt.errorCode() != null && receipt.errorCode().length() > 32)) {
            return Uni.createFrom().voidItem(); // no provider's sid or status looks like this: nothing to wait for
        }
        return earlyReceipts.keep(messageSid, receipt, now);
    }

    private Uni<Void> applyAll(DeliveryState n, List<SmsReceipt> receipts, Instant now) {
        List<NotificationFailed> failures = new ArrayList<>();
        DeliveryState state = n;
        for (SmsReceipt receipt : receipts) {
            state = apply(state, receipt, now, failures);
        }
        return notifications.saveDeliveryState(state, now).chain(() -> outbox.appendAll(failures));
    }

    /** One receipt's effect; a one-time code that failed adds its NotificationFailed to {@code failures}. */
    static DeliveryState apply(DeliveryState n, SmsReceipt receipt, Instant now, List<NotificationFailed> failures) {
        if (!receipt.failed()) {
            return n.reported(receipt.status(), n.reason());
        }
        String reason = receipt.reason();
        DeliveryState reported = n.reported(receipt.status(), reason);
        if (n.status() != NotificationStatus.SENT) {
            return reported;
        }
        if (n.kind() == MessageKind.ONE_TIME_CODE) {
            failures.add(new NotificationFailed(n.id(), n.hubId(), n.kind().slug(), "sms", n.recipientType().slug(),
                    reason + "; a one-time code is not sent on another channel", now));
            return reported.failed();
        }
        LOG.infof("notification %s: the SMS was not delivered (%s); trying the next channel if any", n.id(), reason);
        return reported.movedOnFrom("sms", now);
    }
}
