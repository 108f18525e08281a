package org.tredegar.notifications;

import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.testing.KafkaTestClient;

import java.time.Instant;
import java.util.Map;
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
        EventType<?> type = EventCatalog.of(event.getClass());
        KafkaTestClient.send(type.topic(), event.aggregateId(), EventJson.toBytes(event), Map.of(
                "ce_id", id,
                "ce_type", type.type(),
                "ce_source", type.source(),
                "ce_specversion", "1.0",
                "ce_subject", event.aggregateId(),
                "ce_time", Instant.now().toString(),
                "content-type", "application/json"));
    }
}
