package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.notifications.persistence.NotificationEntity;
import org.tredegar.platform.outbox.OutboxWriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SMS provider's delivery receipts. A receipt records the delivery status; one saying the SMS failed or was not
 * delivered moves a sent notification on to the next channel of the recipient's fallback chain (the dispatcher sends
 * it there and publishes NotificationFailed if there is none). Once only: the notification is no longer "sent" by
 * SMS afterwards, so a repeated receipt changes nothing more. A one-time code has no fallback (it must arrive on the
 * channel it confirms): it is failed at once.
 */
@ApplicationScoped
public class DeliveryReceipts {
    private static final Logger LOG = Logger.getLogger(DeliveryReceipts.class);
    static final Set<String> FAILED = Set.of("failed", "undelivered");

    @Inject
    OutboxWriter outbox;
    @Inject
    TimeSource clock;

    /** Answers how many notifications the receipt was about (0 when the message sid is not ours, or no longer current). */
    public Uni<Integer> record(String messageSid, String messageStatus, String errorCode) {
        String state = messageStatus.toLowerCase(Locale.ROOT);
        boolean failed = FAILED.contains(state);
        String reason = failed ? "the provider reports " + state + (errorCode == null || errorCode.isBlank() ? "" : " (error " + errorCode + ")") : null;
        Instant now = clock.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT * FROM notifications WHERE provider_ref = ?1 AND channel = 'sms' FOR UPDATE", NotificationEntity.class)
                        .setParameter(1, messageSid).getResultList())
                .chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (NotificationEntity n : rows) {
                        n.deliveryStatus = state;
                        n.updatedAt = now;
                        if (reason != null) {
                            n.reason = reason;
                        }
                        if (failed && "sent".equals(n.status)) {
                            chain = chain.chain(() -> moveOn(n, reason, now));
                        }
                    }
                    return chain.replaceWith(rows.size());
                }));
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
