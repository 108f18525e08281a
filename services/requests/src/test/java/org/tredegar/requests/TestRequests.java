package org.tredegar.requests;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.testing.Db;
import org.tredegar.testing.KafkaTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shared moves of the requests tests: ask for help, feed volunteer events, wait for a status, read events. */
final class TestRequests {
    /** The service's own database, for what the API does not show (and must not need to). */
    static final Db DB = Db.of("requests");

    private TestRequests() {
    }

    /** Posts a request as whoever the test's security says and returns its id. */
    static UUID submit(String body) {
        String id = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("id");
        return UUID.fromString(id);
    }

    static UUID submitGroceries() {
        return submit(RequestIntakeTest.GROCERIES);
    }

    /** Sends an event as its producing service would: CloudEvents binary mode on the producer's topic. */
    static String publish(TredegarEvent event) {
        EventType<?> type = EventCatalog.of(event.getClass());
        String id = UUID.randomUUID().toString();
        send(type, id, event);
        return id;
    }

    static void send(EventType<?> type, String ceId, TredegarEvent event) {
        KafkaTestClient.send(type.topic(), event.aggregateId(), EventJson.toBytes(event), Map.of(
                "ce_id", ceId, "ce_type", type.type(), "ce_source", type.source(), "ce_specversion", "1.0",
                "ce_subject", event.aggregateId(), "ce_time", Instant.now().toString(), "content-type", "application/json"));
    }

    static String status(UUID id) {
        return (String) DB.value("SELECT status FROM help_requests WHERE id = ?", id);
    }

    static void awaitStatus(UUID id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(status(id)));
    }

    /** The CloudEvents type of an event record, as the catalog (and so every producer) names it. */
    static String typeOf(Class<? extends TredegarEvent> event) {
        return EventCatalog.of(event).type();
    }

    /** Event names in the outbox for a request ({@code RequestSubmitted}), oldest first: what each change committed. */
    static List<String> outboxTypes(UUID id) {
        return DB.rows("SELECT type FROM outbox WHERE message_key = ? ORDER BY id", id.toString()).stream()
                .map(r -> EventCatalog.byType((String) r.get("type")).map(EventType::name).orElseThrow()).toList();
    }

    /** Waits until the relay has published an event of this type for the request and returns its record. */
    static ConsumerRecord<String, byte[]> published(UUID id, Class<? extends TredegarEvent> event) {
        String ceType = typeOf(event);
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.REQUESTS, Duration.ofSeconds(60),
                seen -> seen.stream().anyMatch(r -> matches(r, id, ceType)));
        return records.stream().filter(r -> matches(r, id, ceType)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ceType + " published for " + id));
    }

    private static boolean matches(ConsumerRecord<String, byte[]> r, UUID id, String ceType) {
        return id.toString().equals(r.key()) && ceType.equals(KafkaTestClient.header(r, "ce_type"));
    }
}
