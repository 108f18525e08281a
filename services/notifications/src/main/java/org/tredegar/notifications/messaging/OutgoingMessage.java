package org.tredegar.notifications.messaging;

import org.tredegar.notifications.domain.RenderedMessage;

import java.util.UUID;

/**
 * One message on its way: the notification id doubles as the provider's idempotency key; the hub's number is what an
 * SMS goes out from, so that the answer comes back to the same hub.
 */
public record OutgoingMessage(UUID notificationId, UUID hubId, String to, RenderedMessage message) {
    @Override
    public String toString() {
        return "OutgoingMessage[" + notificationId + "]"; // never the address or the text
    }
}
