package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.tredegar.requests.TestRequests.DB;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class RequestIntakeTest {
    static final EventType<RequestSubmitted> SUBMITTED = EventCatalog.of(RequestSubmitted.class);

    static final String GROCERIES = """
            {"category":"groceries","urgency":"urgent","description":"Shopping for the week, I can't get out",
             "location":{"lat":51.7730,"lon":-3.2460},"items":[{"item":"food-parcel","quantity":1}],
             "contact":{"channel":"sms","value":"+44 7700 900123"},"language":"en"}""";

    @Test
    void anonymousRequestIsAcceptedRoutedAndPublishedWithoutContactDetails() throws Exception {
        String id = given().contentType(ContentType.JSON).body(GROCERIES)
                .when().post("/api/v1/requests")
                .then().statusCode(202)
                .body("status", equalTo("submitted"))
                .body("trackingCode", matchesPattern("[2-9A-Z]{4}-[2-9A-Z]{4}"))
                .body("id", notNullValue())
                .extract().path("id");

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.REQUESTS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(SUBMITTED.type());
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo(SUBMITTED.source());
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(id);
        assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
        RequestSubmitted event = EventJson.read(record.value(), RequestSubmitted.class);
        assertThat(event.hubId()).isEqualTo(HubIds.idOf("tredegar"));
        assertThat(event.hasContact()).isTrue();
        assertThat(event.outsideHubArea()).isFalse();
        String payload = new String(record.value());
        assertThat(payload).doesNotContain("7700").doesNotContain("900123");

        byte[] sealed = (byte[]) DB.value("SELECT ciphertext FROM request_contacts WHERE request_id = ?", UUID.fromString(id));
        assertThat(sealed).isNotNull();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("7700 900123");
    }

    @Test
    void requestOutsideEveryAreaGoesToTheNearestHubFlagged() {
        String id = given().contentType(ContentType.JSON)
                .body(GROCERIES.replace("51.7730", "51.9000").replace("-3.2460", "-3.2000"))
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("id");
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.REQUESTS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())));
        RequestSubmitted event = EventJson.read(records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value(),
                RequestSubmitted.class);
        assertThat(event.outsideHubArea()).isTrue();
        assertThat(event.hubId()).isEqualTo(HubIds.idOf("ebbw-vale"));
    }

    @Test
    void trackingShowsStatusAndNextStepOnly() {
        String code = given().contentType(ContentType.JSON).body(GROCERIES)
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("trackingCode");
        given().when().get("/api/v1/requests/track/" + code.toLowerCase())
                .then().statusCode(200)
                .body("status", equalTo("submitted"))
                .body("nextStep", notNullValue())
                .body("description", org.hamcrest.Matchers.nullValue())
                .body("contact", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void lifeSafetyRequestsGetEmergencyGuidanceAndAreStillTracked() {
        given().contentType(ContentType.JSON)
                .body(GROCERIES.replace("\"urgent\"", "\"life-safety\""))
                .when().post("/api/v1/requests").then().statusCode(202)
                .body("emergencyGuidance", org.hamcrest.Matchers.containsString("999"))
                .body("trackingCode", notNullValue());
    }

    @Test
    void languageTagsAreStoredAndPublishedWithALowerCasePrimarySubtag() {
        String id = given().contentType(ContentType.JSON).body(GROCERIES.replace("\"language\":\"en\"", "\"language\":\"CY-GB\""))
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("id");
        assertThat(DB.value("SELECT language FROM help_requests WHERE id = ?", UUID.fromString(id))).isEqualTo("cy-GB");
        RequestSubmitted event = EventJson.read(TestRequests.published(UUID.fromString(id), RequestSubmitted.class).value(),
                RequestSubmitted.class);
        assertThat(event.language()).isEqualTo("cy-GB");
    }

    @Test
    void oneIntakeWritesTheRequestContactTransitionAndEventTogether() {
        String id = given().contentType(ContentType.JSON).body(GROCERIES.replace("\"urgent\"", "\"routine\""))
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("id");
        UUID request = UUID.fromString(id);
        assertThat(DB.rows("SELECT status, urgency, urgency_rank, channel, items, escalate_at > submitted_at AS timer, version "
                + "FROM help_requests WHERE id = ?", request)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("status", "submitted").containsEntry("urgency", "routine").containsEntry("urgency_rank", 3)
                .containsEntry("channel", "web").containsEntry("items", "[{\"item\":\"food-parcel\",\"quantity\":1}]")
                .containsEntry("timer", true).containsEntry("version", 0));
        assertThat(DB.rows("SELECT from_status, to_status, actor, reason FROM request_transitions WHERE request_id = ?", request))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("from_status", null)
                        .containsEntry("to_status", "submitted").containsEntry("actor", "requester")
                        .containsEntry("reason", "submitted via web"));
        assertThat(DB.rows("SELECT channel, key_id FROM request_contacts WHERE request_id = ?", request))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("channel", "sms").containsEntry("key_id", "test1"));
        assertThat(DB.rows("SELECT topic, source, type FROM outbox WHERE message_key = ?", id)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("topic", Topics.REQUESTS)
                        .containsEntry("source", SUBMITTED.source())
                        .containsEntry("type", SUBMITTED.type()));
    }

    /** Requests that arrive together share a statement (group commit); each must still be written whole and apart. */
    @Test
    void concurrentRequestsOfEveryShapeAreEachWrittenWhole() throws Exception {
        String noContact = GROCERIES.replace("\"contact\":{\"channel\":\"sms\",\"value\":\"+44 7700 900123\"},", "");
        String byArea = GROCERIES.replace("\"lat\":51.7730,\"lon\":-3.2460", "\"area\":\"NP23\"");
        String scheduled = GROCERIES.replace("\"urgent\"", "\"scheduled\"").replace("\"language\":\"en\"",
                "\"language\":\"cy\",\"window\":{\"from\":\"2030-01-01T09:00:00Z\",\"to\":\"2030-01-01T11:00:00Z\"}");
        String email = GROCERIES.replace("\"sms\",\"value\":\"+44 7700 900123\"", "\"email\",\"value\":\"someone@example.org\"");
        List<String> shapes = List.of(noContact, byArea, scheduled, email,
                DuplicatesTest.groceriesFrom(Texts.newNumber()));
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<String[]>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = shapes.get(i % shapes.size());
                answers.add(callers.submit(() -> {
                    var accepted = given().contentType(ContentType.JSON).body(body).post("/api/v1/requests")
                            .then().statusCode(202).extract();
                    return new String[]{accepted.path("id"), accepted.path("trackingCode")};
                }));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (int i = 0; i < answers.size(); i++) {
                String[] answer = answers.get(i).get();
                ids.add(answer[0]);
                codes.add(answer[1]);
                UUID id = UUID.fromString(answer[0]);
                int shape = i % shapes.size();
                assertThat(DB.value("SELECT tracking_code FROM help_requests WHERE id = ?", id)).isEqualTo(answer[1]);
                assertThat(DB.count("SELECT count(*) FROM request_contacts WHERE request_id = ?", id))
                        .isEqualTo(shape == 0 ? 0 : 1);
                assertThat(DB.count("SELECT count(*) FROM request_transitions WHERE request_id = ?", id)).isEqualTo(1);
                assertThat(TestRequests.outboxTypes(id)).containsExactly("RequestSubmitted");
                var row = DB.rows("SELECT hub_id, lat, area, window_from, language FROM help_requests WHERE id = ?", id).get(0);
                assertThat(row.get("hub_id")).isEqualTo(HubIds.idOf(shape == 1 ? "ebbw-vale" : "tredegar"));
                assertThat(row.get("lat")).isEqualTo(shape == 1 ? null : 51.7730);
                assertThat(row.get("area")).isEqualTo(shape == 1 ? "NP23" : null);
                assertThat(row.get("window_from") != null).isEqualTo(shape == 2);
                assertThat(row.get("language")).isEqualTo(shape == 2 ? "cy" : "en");
            }
            assertThat(ids).hasSize(40);
            assertThat(codes).hasSize(40);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void hubsAreListedPublicly() {
        given().when().get("/api/v1/hubs").then().statusCode(200)
                .body("slug", org.hamcrest.Matchers.hasItems("tredegar", "ebbw-vale"))
                .body("find { it.slug == 'tredegar' }.id", equalTo(HubIds.idOf("tredegar").toString()))
                .body("find { it.slug == 'tredegar' }.areas[0].polygon.size()", equalTo(4));
    }
}
