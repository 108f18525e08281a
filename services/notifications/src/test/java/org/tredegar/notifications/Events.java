package org.tredegar.notifications;

import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.testing.KafkaTestClient;

import java.util.UUID;

/** Publishes events as the other services' outbox relays do: CloudEvents in binary mode. */
public final class Events {
    /** CloudEvents types the tests look for (the {@code ce_type} header, the outbox's {@code type} column). */
    public static final String NOTIFICATION_SENT = EventCatalog.of(NotificationSent.class).type();
    public static final String NOTIFICATION_FAILED = EventCatalog.of(NotificationFailed.class).type();
    public static final String LOW_STOCK = EventCatalog.of(LowStock.class).type();

    private Events() {
    }

    public static String publish(TredegarEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    public static void publish(TredegarEvent event, String id) {
        KafkaTestClient.sendEvent(event, id);
    }
}
