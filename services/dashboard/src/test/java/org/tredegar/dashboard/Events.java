package org.tredegar.dashboard;

import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.testing.KafkaTestClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Other services' events as they send them: CloudEvents in binary mode on their topic, keyed by aggregate. */
final class Events {
    private Events() {
    }

    /** Sends with a fresh CloudEvent id and returns it, so a test can send the very same event again. */
    static String send(TredegarEvent event) {
        return send(event, UUID.randomUUID().toString());
    }

    static String send(TredegarEvent event, String ceId) {
        return KafkaTestClient.sendEvent(event, ceId);
    }

    /** A record whose type is in no catalog: the inbox must dead-letter it. */
    static String sendUnknown(String topic, String key) {
        String id = UUID.randomUUID().toString();
        KafkaTestClient.send(topic, key, "{\"hubId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                headers("org.tredegar.requests.Bogus.v1", EventCatalog.of(RequestSubmitted.class).source(), id, key));
        return id;
    }

    static Map<String, String> headers(String type, String source, String ceId, String subject) {
        return KafkaTestClient.cloudEventHeaders(type, source, ceId, subject);
    }
}
