package org.tredegar.contracts.notifications.v1;

import org.tredegar.contracts.Optional;
import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A message left Tredegar. Who it went to stays in the notifications service. */
public record NotificationSent(
        UUID notificationId,
        UUID hubId,
        String kind,
        String channel,
        String recipientType,
        @Optional UUID causationEventId,
        Instant occurredAt) implements TredegarEvent {

    public NotificationSent {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(hubId, "hubId");
        requireKnownRecipientType(recipientType);
    }

    @Override
    public String aggregateId() {
        return notificationId.toString();
    }

    /** A closed set, because dashboards count by it; the schema carries the same enum. */
    static final Set<String> RECIPIENT_TYPES = Set.of("requester", "volunteer", "coordinator", "partner");

    static void requireKnownRecipientType(String recipientType) {
        if (!RECIPIENT_TYPES.contains(recipientType)) {
            throw new IllegalArgumentException(
                    "Unknown recipientType '" + recipientType + "'; allowed values: " + RECIPIENT_TYPES);
        }
    }
}
