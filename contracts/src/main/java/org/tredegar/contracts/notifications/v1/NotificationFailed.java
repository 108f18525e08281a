package org.tredegar.contracts.notifications.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A message could not be delivered after all retries. */
public record NotificationFailed(
        UUID notificationId,
        UUID hubId,
        String kind,
        String channel,
        String recipientType,
        String reason,
        Instant occurredAt) implements TredegarEvent {

    public NotificationFailed {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(hubId, "hubId");
        NotificationSent.requireKnownRecipientType(recipientType);
    }

    @Override
    public String aggregateId() {
        return notificationId.toString();
    }
}
