package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;

/** Every step of a request's life, legal (one event each, in order) and illegal (409, nothing changes). */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
@TestSecurity(user = "coord-t", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
class TransitionsTest {
    static final UUID TREDEGAR = HubIds.idOf("tredegar");

    static ValidatableResponse act(UUID id, String action) {
        String body = switch (action) {
            case "cancel", "close", "reopen" -> "{\"reason\":\"decided at the hub meeting\"}";
            case "triage" -> "{\"category\":\"prepared-meals\",\"urgency\":\"routine\"}";
            default -> "";
        };
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/requests/" + id + "/" + action).then();
    }

    static void matched(UUID id) {
        TestRequests.publish(new OfferAccepted(UUID.randomUUID(), id, UUID.randomUUID(), UUID.randomUUID(), TREDEGAR, Instant.now()));
        TestRequests.awaitStatus(id, "matched");
    }

    /** A request by text whose place the person could not name: the coordinator sets what and where at triage. */
    @Test
    void triageSetsCategoryAndPlace() {
        UUID id = TestRequests.submit("""
                {"category":"other","urgency":"routine","description":"Where: behind the old chapel",
                 "location":{"area":"NP22"},"language":"en"}""");
        given().contentType(ContentType.JSON)
                .body("{\"category\":\"companionship\",\"location\":{\"lat\":51.7741,\"lon\":-3.2479,\"area\":\"Chapel Street\"}}")
                .post("/api/v1/requests/" + id + "/triage").then().statusCode(200)
                .body("category", equalTo("companionship")).body("area", equalTo("Chapel Street"))
                .body("location.lat", equalTo(51.7741f)).body("outsideHubArea", equalTo(false));
        assertThat(DB.rows("SELECT lat, lon, area FROM help_requests WHERE id = ?", id)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("lat", 51.7741).containsEntry("lon", -3.2479));
        given().contentType(ContentType.JSON).body("{\"location\":{}}").post("/api/v1/requests/" + id + "/triage")
                .then().statusCode(400);
    }

    @Test
    void wholeLifeWithOneEventPerStep() {
        UUID id = TestRequests.submitGroceries();
        act(id, "triage").statusCode(200).body("status", equalTo("triaged")).body("category", equalTo("prepared-meals"))
                .body("urgency", equalTo("routine"));
        matched(id);
        act(id, "start").statusCode(200).body("status", equalTo("in-progress"));
        act(id, "fulfil").statusCode(200).body("status", equalTo("fulfilled"));
        act(id, "reopen").statusCode(200).body("status", equalTo("triaged"));
        act(id, "cancel").statusCode(200).body("status", equalTo("cancelled"));
        act(id, "reopen").statusCode(200).body("status", equalTo("triaged"));
        act(id, "close").statusCode(200).body("status", equalTo("closed"));

        assertThat(TestRequests.outboxTypes(id)).containsExactly("RequestSubmitted", "RequestTriaged", "RequestMatched",
                "RequestInProgress", "RequestFulfilled", "RequestReopened", "RequestCancelled", "RequestReopened", "RequestClosed");
        assertThat(DB.rows("SELECT to_status FROM request_transitions WHERE request_id = ? ORDER BY id", id))
                .extracting(r -> r.get("to_status")).containsExactly("submitted", "triaged", "matched", "in-progress",
                        "fulfilled", "triaged", "cancelled", "triaged", "closed");
        assertThat(DB.rows("SELECT action FROM audit_log WHERE subject_id = ? ORDER BY seq", id.toString()))
                .extracting(r -> r.get("action")).containsExactly("match", "cancel", "close");
        TestRequests.published(id, RequestClosed.class);
    }

    @Test
    void illegalStepsAre409AndChangeNothing() {
        UUID submitted = TestRequests.submitGroceries();
        for (String action : List.of("start", "fulfil", "reopen")) {
            refused(submitted, action);
        }
        UUID cancelled = TestRequests.submitGroceries();
        act(cancelled, "cancel").statusCode(200);
        for (String action : List.of("cancel", "close", "start", "fulfil", "triage")) {
            refused(cancelled, action);
        }
        UUID closed = TestRequests.submitGroceries();
        act(closed, "close").statusCode(200);
        for (String action : List.of("close", "cancel", "fulfil")) {
            refused(closed, action);
        }
        assertThat(TestRequests.outboxTypes(submitted)).containsExactly("RequestSubmitted");
        assertThat(TestRequests.outboxTypes(cancelled)).containsExactly("RequestSubmitted", "RequestCancelled");
    }

    static void refused(UUID id, String action) {
        String before = TestRequests.status(id);
        act(id, action).statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/illegal-transition"));
        assertThat(TestRequests.status(id)).isEqualTo(before);
    }

    @Test
    void badTransitionInputsAreNamed() {
        UUID id = TestRequests.submitGroceries();
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + id + "/cancel")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{\"category\":\"caviar\"}").post("/api/v1/requests/" + id + "/triage")
                .then().statusCode(400).body("errors.field", hasItem("category"));
        act(UUID.randomUUID(), "start").statusCode(404).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).post("/api/v1/requests/not-a-uuid/start").then().statusCode(404);
        assertThat(TestRequests.outboxTypes(id)).containsExactly("RequestSubmitted");
    }

    @Test
    void volunteerEventsMoveTheRequestOnceEvenWhenRedelivered() {
        UUID id = TestRequests.submitGroceries();
        OfferAccepted accepted = new OfferAccepted(UUID.randomUUID(), id, UUID.randomUUID(), UUID.randomUUID(), TREDEGAR, Instant.now());
        String ceId = UUID.randomUUID().toString();
        TestRequests.send(EventCatalog.of(OfferAccepted.class), ceId, accepted);
        TestRequests.send(EventCatalog.of(OfferAccepted.class), ceId, accepted);
        TestRequests.awaitStatus(id, "matched");
        TestRequests.publish(new AssignmentReleased(accepted.assignmentId(), id, accepted.volunteerId(), TREDEGAR, "unwell", Instant.now()));
        TestRequests.awaitStatus(id, "triaged");
        assertThat(TestRequests.outboxTypes(id)).containsExactly("RequestSubmitted", "RequestMatched", "RequestReopened");
        assertThat(DB.value("SELECT volunteer_id FROM help_requests WHERE id = ?", id)).isNull();
    }

    @Test
    void poisonVolunteerEventGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        EventType<OfferAccepted> offerAccepted = EventCatalog.of(OfferAccepted.class);
        KafkaTestClient.send(Topics.VOLUNTEERS, key, "{\"not\":\"an offer\"}".getBytes(), Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", offerAccepted.type(),
                "ce_source", offerAccepted.source(), "ce_specversion", "1.0", "content-type", "application/json"));
        var dead = KafkaTestClient.read(Topics.deadLetter(Topics.VOLUNTEERS, "requests"), Duration.ofSeconds(60),
                seen -> seen.stream().anyMatch(r -> key.equals(r.key())));
        assertThat(dead).anyMatch(r -> key.equals(r.key()));
    }
}
