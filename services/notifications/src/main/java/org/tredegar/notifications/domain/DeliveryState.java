package org.tredegar.notifications.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A notification as delivery receipts see it and change it: its status, the receipt's words, the fallback chain. */
public record DeliveryState(UUID id, UUID hubId, MessageKind kind, RecipientType recipientType, NotificationStatus status,
                            String deliveryStatus, String reason, List<String> failedChannels, Instant nextAttemptAt,
                            boolean inDoubt) {

    DeliveryState reported(String deliveryStatus, String reason) {
        return new DeliveryState(id, hubId, kind, recipientType, status, deliveryStatus, reason, failedChannels,
                nextAttemptAt, inDoubt);
    }

    DeliveryState failed() {
        return new DeliveryState(id, hubId, kind, recipientType, NotificationStatus.FAILED, deliveryStatus, reason,
                failedChannels, nextAttemptAt, inDoubt);
    }

    /** Back in the queue at {@code now}, past {@code channel}: the dispatcher tries the recipient's other channels. */
    DeliveryState movedOnFrom(String channel, Instant now) {
        List<String> failed = new ArrayList<>(failedChannels);
        if (!failed.contains(channel)) {
            failed.add(channel);
        }
        return new DeliveryState(id, hubId, kind, recipientType, NotificationStatus.PENDING, deliveryStatus, reason,
                List.copyOf(failed), now, false);
    }
}
