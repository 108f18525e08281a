package org.tredegar.notifications;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.testing.KafkaTestClient;

import java.util.UUID;

/** Publishes events as the other services' outbox relays do: CloudEvents in binary mode. */
public final class Events {
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
