package org.tredegar.volunteers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.contracts.volunteers.v1.OfferExpired;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.volunteers.Fixtures.DB;
import static org.tredegar.volunteers.Fixtures.as;

/** Offers, claims and assignments: first accept wins, expiry and release ask the next people. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class OffersTest {
    static final double LAT = 52.20;
    static final double LON = -3.40;

    record Setup(String hub, UUID requestId, List<UUID> volunteers) {
        String token(UUID volunteer) {
            return TestTokens.volunteer(volunteer, hub);
        }

        UUID offerOf(UUID volunteer) {
            return (UUID) DB.value("SELECT id FROM offers WHERE request_id = ? AND volunteer_id = ?", requestId, volunteer);
        }
    }

    /** {@code count} volunteers 0.5, 1.0, … km away; a request offered to the nearest three. */
    static Setup offered(int count) {
        String hub = Fixtures.freshHub();
        List<UUID> volunteers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            volunteers.add(Fixtures.volunteerNear(hub, LAT, LON, 0.5 * (i + 1), b -> { }));
        }
        UUID requestId = UUID.randomUUID();
        RequestEvents.publish(RequestEvents.submitted(requestId, hub, HelpCategory.GROCERIES, LAT, LON, "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == Math.min(3, count));
        return new Setup(hub, requestId, volunteers);
    }

    @Test
    void twentyConcurrentAcceptsMakeExactlyOneAssignment() throws Exception {
        Setup s = offered(3);
        List<UUID> offered = s.volunteers();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                UUID volunteer = offered.get(i % 3);
                String token = s.token(volunteer);
                UUID offer = s.offerOf(volunteer);
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(token).when().post("/api/v1/offers/" + offer + "/accept").andReturn();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    assertThat(r.contentType()).startsWith("application/problem+json");
                }
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(c -> c == 200)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(DB.count("SELECT count(*) FROM assignments WHERE request_id = ?", s.requestId())).isEqualTo(1);
        assertThat(Fixtures.offers(s.requestId(), "accepted")).isEqualTo(1);
        assertThat(Fixtures.offers(s.requestId(), "withdrawn")).isEqualTo(2);
        assertThat(Fixtures.outboxed(s.requestId(), OfferAccepted.class))
                .isEqualTo(1);
        String assignmentId = DB.value("SELECT id FROM assignments WHERE request_id = ?", s.requestId()).toString();
        String acceptedType = EventCatalog.of(OfferAccepted.class).type();
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.VOLUNTEERS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> s.requestId().toString().equals(r.key())
                        && acceptedType.equals(KafkaTestClient.header(r, "ce_type"))));
        OfferAccepted accepted = records.stream().filter(r -> s.requestId().toString().equals(r.key())
                        && acceptedType.equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> EventJson.read(r.value(), OfferAccepted.class)).findFirst().orElseThrow();
        assertThat(accepted.assignmentId().toString()).isEqualTo(assignmentId);
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'assignment.created' AND subject_id = ?", assignmentId))
                .isEqualTo(1);
    }

    @Test
    void laterAcceptsOthersOffersAndExpiredOffersAreRefusedKindly() {
        Setup s = offered(3);
        UUID first = s.volunteers().get(0);
        UUID second = s.volunteers().get(1);
        as(s.token(second)).when().post("/api/v1/offers/" + s.offerOf(first) + "/accept")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        as(s.token(first)).when().post("/api/v1/offers/" + UUID.randomUUID() + "/accept").then().statusCode(404);
        as(s.token(first)).when().post("/api/v1/offers/" + s.offerOf(first) + "/accept").then().statusCode(200)
                .body("requestId", equalTo(s.requestId().toString())).body("status", equalTo("active"));
        as(s.token(second)).when().post("/api/v1/offers/" + s.offerOf(second) + "/accept")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/offer-taken"))
                .body("detail", containsString("thank you"));

        Setup other = offered(3);
        UUID late = other.volunteers().get(2);
        DB.update("UPDATE offers SET expires_at = now() - interval '1 second' WHERE id = ?", other.offerOf(late));
        as(other.token(late)).when().post("/api/v1/offers/" + other.offerOf(late) + "/accept")
                .then().statusCode(409).body("type", equalTo("https://tredegar.org/problems/offer-expired"));
        assertThat(DB.count("SELECT count(*) FROM assignments WHERE request_id = ?", other.requestId())).isZero();
    }

    @Test
    void expiredOffersAreReplacedByTheNextCandidates() {
        Setup s = offered(5);
        assertThat(Fixtures.offeredTo(s.requestId())).containsExactlyInAnyOrderElementsOf(s.volunteers().subList(0, 3));
        DB.update("UPDATE offers SET expires_at = now() - interval '1 second' WHERE request_id = ? AND volunteer_id IN (?, ?)",
                s.requestId(), s.volunteers().get(0), s.volunteers().get(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(s.requestId()).size() == 5);
        assertThat(Fixtures.offers(s.requestId(), "expired")).isEqualTo(2);
        assertThat(Fixtures.offers(s.requestId(), "pending")).isEqualTo(3);
        assertThat(Fixtures.outboxed(s.requestId(), OfferExpired.class))
                .isEqualTo(2);

        // Nobody left to ask: expiring the rest makes no new offers (the requests service escalates by its timer).
        DB.update("UPDATE offers SET expires_at = now() - interval '1 second' WHERE request_id = ?", s.requestId());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.offers(s.requestId(), "expired") == 5);
        assertThat(Fixtures.offeredTo(s.requestId())).hasSize(5);
    }

    @Test
    void aDeclineAsksTheNextPerson() {
        Setup s = offered(4);
        UUID first = s.volunteers().get(0);
        as(s.token(first)).when().post("/api/v1/offers/" + s.offerOf(first) + "/decline").then().statusCode(204);
        assertThat(Fixtures.offeredTo(s.requestId())).contains(s.volunteers().get(3));
        as(s.token(first)).when().post("/api/v1/offers/" + s.offerOf(first) + "/accept").then().statusCode(409)
                .body("type", equalTo("https://tredegar.org/problems/offer-declined"));
    }

    @Test
    void releaseReoffersWithoutBlameAndCompletionCounts() {
        Setup s = offered(4);
        UUID first = s.volunteers().get(0);
        String assignment = as(s.token(first)).when().post("/api/v1/offers/" + s.offerOf(first) + "/accept")
                .then().statusCode(200).extract().path("id");
        String coordinator = TestTokens.coordinator(s.hub());
        as(coordinator).when().get("/api/v1/hubs/" + s.hub() + "/assignments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(assignment))
                .body("items[0].volunteerId", equalTo(first.toString())).body("items[0].since", org.hamcrest.Matchers.notNullValue());
        as(TestTokens.coordinator("elsewhere")).when().get("/api/v1/hubs/" + s.hub() + "/assignments").then().statusCode(403);
        as(s.token(s.volunteers().get(1))).when().post("/api/v1/assignments/" + assignment + "/release").then().statusCode(403)
                .body("type", equalTo("https://tredegar.org/problems/not-your-assignment"));

        as(s.token(first)).body(Map.of("reason", "unwell")).when().post("/api/v1/assignments/" + assignment + "/release")
                .then().statusCode(204);
        assertThat(Fixtures.offeredTo(s.requestId())).hasSize(4).contains(s.volunteers().get(3));
        assertThat(Fixtures.offers(s.requestId(), "pending")).isEqualTo(1);
        as(s.token(first)).when().post("/api/v1/assignments/" + assignment + "/complete").then().statusCode(409);

        UUID fourth = s.volunteers().get(3);
        String second = as(s.token(fourth)).when().post("/api/v1/offers/" + s.offerOf(fourth) + "/accept")
                .then().statusCode(200).extract().path("id");
        as(s.token(fourth)).when().post("/api/v1/assignments/" + second + "/complete").then().statusCode(204);
        as(coordinator).queryParam("status", "completed").when().get("/api/v1/hubs/" + HubIds.idOf(s.hub()) + "/assignments")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(second));
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action IN ('assignment.created', 'assignment.released', "
                + "'assignment.completed') AND hub_id = ?", HubIds.idOf(s.hub()))).isEqualTo(4);
        assertThat(Fixtures.outboxed(s.requestId(), AssignmentReleased.class))
                .isEqualTo(1);
        assertThat(Fixtures.outboxed(s.requestId(), AssignmentCompleted.class))
                .isEqualTo(1);
        as(s.token(fourth)).body(Map.of("reason", "I felt like it")).when().post("/api/v1/assignments/" + second + "/release")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void hubAssignmentsArePaged() {
        Setup a = offered(1);
        String hub = a.hub();
        // Two more requests in the same hub, each taken by the same volunteer.
        UUID volunteer = a.volunteers().get(0);
        as(a.token(volunteer)).when().post("/api/v1/offers/" + a.offerOf(volunteer) + "/accept").then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            UUID requestId = UUID.randomUUID();
            RequestEvents.publish(RequestEvents.submitted(requestId, hub, HelpCategory.GROCERIES, LAT, LON, "en"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == 1);
            Setup next = new Setup(hub, requestId, a.volunteers());
            as(a.token(volunteer)).when().post("/api/v1/offers/" + next.offerOf(volunteer) + "/accept").then().statusCode(200);
        }
        String coordinator = TestTokens.coordinator(hub);
        String cursor = as(coordinator).queryParam("limit", 2).when().get("/api/v1/hubs/" + hub + "/assignments")
                .then().statusCode(200).body("items", hasSize(2)).extract().path("nextCursor");
        as(coordinator).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/hubs/" + hub + "/assignments")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", org.hamcrest.Matchers.nullValue());
        as(coordinator).queryParam("limit", 501).when().get("/api/v1/hubs/" + hub + "/assignments").then().statusCode(400);
        as(coordinator).queryParam("cursor", "garbage!").when().get("/api/v1/hubs/" + hub + "/assignments").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    /** The notifications service relays an SMS "YES <code>" for a volunteer without an account, and reads their number. */
    @Test
    void aServiceAnswersForAnSmsVolunteerAndReadsTheirContact() {
        String hub = Fixtures.freshHub();
        Map<String, Object> body = Fixtures.signUp(hub, LAT + 0.004, LON);
        body.put("contact", Map.of("channel", "sms", "value", "+44 7700 900777"));
        String smsVolunteer = as(TestTokens.coordinator(hub)).body(body).when().post("/api/v1/volunteers")
                .then().statusCode(201).extract().path("id");
        UUID requestId = UUID.randomUUID();
        RequestEvents.publish(RequestEvents.submitted(requestId, hub, HelpCategory.GROCERIES, LAT, LON, "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == 1);
        Setup s = new Setup(hub, requestId, List.of(UUID.fromString(smsVolunteer)));
        UUID offer = s.offerOf(UUID.fromString(smsVolunteer));
        String notifications = TestTokens.service("notifications-service");

        as(notifications).when().get("/api/v1/volunteers/" + smsVolunteer + "/contact").then().statusCode(200)
                .body("channel", equalTo("sms")).body("value", equalTo("+44 7700 900777")).body("language", equalTo("en"));
        as(TestTokens.coordinator(hub)).when().get("/api/v1/volunteers/" + smsVolunteer + "/contact").then().statusCode(403);
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'volunteer.contact-read' AND subject_id = ? "
                + "AND actor = 'service:notifications-service'", smsVolunteer)).isEqualTo(1);

        as(notifications).body(Map.of("volunteerId", UUID.randomUUID(), "via", "sms"))
                .when().post("/api/v1/offers/" + offer + "/accept").then().statusCode(403);
        as(notifications).when().post("/api/v1/offers/" + offer + "/accept").then().statusCode(400);
        as(notifications).body(Map.of("volunteerId", smsVolunteer, "via", "sms"))
                .when().post("/api/v1/offers/" + offer + "/accept").then().statusCode(200)
                .body("volunteerId", equalTo(smsVolunteer));
    }
}
