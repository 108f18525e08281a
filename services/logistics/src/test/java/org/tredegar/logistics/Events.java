package org.tredegar.logistics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.testing.KafkaTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Other services' events, sent as they would send them: CloudEvents in binary mode on their topic. */
final class Events {
    private Events() {
    }

    /** Returns the CloudEvent id, so a test can send the very same event again. */
    static String send(TredegarEvent event) {
        return send(event, UUID.randomUUID().toString());
    }

    static String send(TredegarEvent event, String ceId) {
        return KafkaTestClient.sendEvent(event, ceId);
    }

    static Map<String, String> headers(EventType<?> type, String ceId, String subject) {
        return KafkaTestClient.cloudEventHeaders(type.type(), type.source(), ceId, subject);
    }

    static RequestSubmitted submitted(UUID requestId, UUID hubId, double lat, double lon, ItemQuantity... items) {
        return new RequestSubmitted(requestId, hubId, HelpCategory.GROCERIES, Urgency.URGENT, "Weekly shop",
                new GeoPoint(lat, lon).approximate(), null, List.of(items), "en", false, ContactChannel.NONE,
                IntakeChannel.WEB, null, false, Instant.now());
    }

    static RequestCancelled cancelled(UUID requestId, UUID hubId) {
        return new RequestCancelled(requestId, hubId, "no-longer-needed", null, Instant.now());
    }

    static OfferAccepted accepted(UUID requestId, UUID hubId, UUID volunteerId) {
        return new OfferAccepted(UUID.randomUUID(), requestId, volunteerId, UUID.randomUUID(), hubId, Instant.now());
    }

    static List<ConsumerRecord<String, byte[]>> logistics(String key, Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        return KafkaTestClient.read(Topics.LOGISTICS, Duration.ofSeconds(60),
                seen -> enough.test(seen.stream().filter(r -> key.equals(r.key())).toList()))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    /** The first event of this type published for {@code key} (a request's id, say); waits up to a minute. */
    static <T extends TredegarEvent> T first(UUID key, Class<T> type) {
        return EventJson.read(firstRecord(key, type).value(), type);
    }

    static ConsumerRecord<String, byte[]> firstRecord(UUID key, Class<? extends TredegarEvent> type) {
        return logistics(key.toString(), seen -> seen.stream().anyMatch(r -> type.equals(type(r))))
                .stream().filter(r -> type.equals(type(r))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + key + " by " + Instant.now()));
    }

    /** The event's record class (StockReserved, …), from its CloudEvents type. */
    static Class<? extends TredegarEvent> type(ConsumerRecord<String, byte[]> record) {
        return EventCatalog.byType(KafkaTestClient.header(record, "ce_type")).orElseThrow().dataClass();
    }
}
