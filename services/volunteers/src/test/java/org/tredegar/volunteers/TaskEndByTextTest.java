package org.tredegar.volunteers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.volunteers.Fixtures.DB;
import static org.tredegar.volunteers.Fixtures.as;

/**
 * People who work by text only finish a task ("DONE") or give it back ("CAN'T"), relayed by the notifications
 * service, which names them; and the first name a requester is told ("Sam is on the way").
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class TaskEndByTextTest {
    static final double LAT = 52.10;
    static final double LON = -3.30;
    static final String NOT_YOURS = "https://tredegar.org/problems/not-your-assignment";
    static final String NOT_ACTIVE = "https://tredegar.org/problems/assignment-not-active";

    final String notifications = TestTokens.service("notifications-service");

    @Test
    void aServiceCompletesForTheNamedVolunteerAndTheTaskCountsTowardFairness() {
        String hub = Fixtures.freshHub();
        UUID sam = smsVolunteer(hub, "Sam Jones", "+44 7700 900701", 0.3);
        UUID first = Fixtures.volunteerNear(hub, LAT, LON, 0.6, b -> { });
        UUID second = Fixtures.volunteerNear(hub, LAT, LON, 0.9, b -> { });
        UUID third = Fixtures.volunteerNear(hub, LAT, LON, 1.2, b -> { });
        UUID requestId = requestOffered(hub, 3);
        assertThat(Fixtures.offeredTo(requestId)).containsExactlyInAnyOrder(sam, first, second);
        UUID assignment = acceptedByText(requestId, sam);

        as(notifications).body(Map.of("volunteerId", sam)).when().post("/api/v1/assignments/" + assignment + "/complete")
                .then().statusCode(204);
        assertThat(DB.value("SELECT status FROM assignments WHERE id = ?", assignment)).isEqualTo("completed");
        assertThat(DB.value("SELECT completed_at FROM assignments WHERE id = ?", assignment)).isNotNull();
        assertThat(DB.value("SELECT status FROM match_rounds WHERE request_id = ?", requestId)).isEqualTo("done");
        AssignmentCompleted completed = published(requestId, AssignmentCompleted.class);
        assertThat(completed.assignmentId()).isEqualTo(assignment);
        assertThat(completed.volunteerId()).isEqualTo(sam);
        // The audit trail names the volunteer whose task it is, as for their own call.
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'assignment.completed' AND subject_id = ? "
                + "AND actor = ?", assignment.toString(), "volunteer:" + sam)).isEqualTo(1);

        // DONE again (a repeated text), or CAN'T after DONE: a clear 409, nothing more happens.
        as(notifications).body(Map.of("volunteerId", sam)).when().post("/api/v1/assignments/" + assignment + "/complete")
                .then().statusCode(409).contentType(startsWith("application/problem+json")).body("type", equalTo(NOT_ACTIVE));
        as(notifications).body(Map.of("volunteerId", sam, "reason", "cannot-make-it"))
                .when().post("/api/v1/assignments/" + assignment + "/release")
                .then().statusCode(409).contentType(startsWith("application/problem+json")).body("type", equalTo(NOT_ACTIVE));
        assertThat(Fixtures.outboxed(requestId, AssignmentCompleted.class)).isEqualTo(1);
        assertThat(Fixtures.outboxed(requestId, AssignmentReleased.class)).isZero();
        assertThat(DB.value("SELECT status FROM assignments WHERE id = ?", assignment)).isEqualTo("completed");

        // Sam is still the nearest, but now has one task this week: the next request goes to those with none.
        UUID next = requestOffered(hub, 3);
        assertThat(Fixtures.offeredTo(next)).containsExactlyInAnyOrder(first, second, third).doesNotContain(sam);
    }

    @Test
    void aServiceReleasesForTheNamedVolunteerAndTheNextPersonIsAsked() {
        String hub = Fixtures.freshHub();
        UUID sam = smsVolunteer(hub, "Sam Jones", "+44 7700 900702", 0.3);
        Fixtures.volunteerNear(hub, LAT, LON, 0.6, b -> { });
        Fixtures.volunteerNear(hub, LAT, LON, 0.9, b -> { });
        UUID fourth = Fixtures.volunteerNear(hub, LAT, LON, 1.2, b -> { });
        UUID requestId = requestOffered(hub, 3);
        UUID assignment = acceptedByText(requestId, sam);

        as(notifications).body(Map.of("volunteerId", sam, "reason", "cannot-make-it"))
                .when().post("/api/v1/assignments/" + assignment + "/release").then().statusCode(204);
        assertThat(DB.value("SELECT status FROM assignments WHERE id = ?", assignment)).isEqualTo("released");
        assertThat(DB.value("SELECT release_reason FROM assignments WHERE id = ?", assignment)).isEqualTo("cannot-make-it");
        AssignmentReleased released = published(requestId, AssignmentReleased.class);
        assertThat(released.assignmentId()).isEqualTo(assignment);
        assertThat(released.volunteerId()).isEqualTo(sam);
        assertThat(released.reason()).isEqualTo("cannot-make-it");
        // The round is open again and the one person not yet asked is asked now.
        assertThat(DB.value("SELECT status FROM match_rounds WHERE request_id = ?", requestId)).isEqualTo("open");
        assertThat(Fixtures.offeredTo(requestId)).hasSize(4).contains(fourth);
        assertThat(DB.value("SELECT status FROM offers WHERE request_id = ? AND volunteer_id = ?", requestId, fourth))
                .isEqualTo("pending");

        as(notifications).body(Map.of("volunteerId", sam)).when().post("/api/v1/assignments/" + assignment + "/release")
                .then().statusCode(409).body("type", equalTo(NOT_ACTIVE));
        as(notifications).body(Map.of("volunteerId", sam)).when().post("/api/v1/assignments/" + assignment + "/complete")
                .then().statusCode(409).body("type", equalTo(NOT_ACTIVE));
        assertThat(Fixtures.outboxed(requestId, AssignmentReleased.class)).isEqualTo(1);
        assertThat(Fixtures.outboxed(requestId, AssignmentCompleted.class)).isZero();
    }

    @Test
    void aServiceNamingSomeoneElseOrNobodyChangesNothing() {
        String hub = Fixtures.freshHub();
        UUID holder = smsVolunteer(hub, "Sam Jones", "+44 7700 900703", 0.3);
        UUID other = Fixtures.volunteerNear(hub, LAT, LON, 0.6, b -> { });
        UUID requestId = requestOffered(hub, 2);
        UUID assignment = acceptedByText(requestId, holder);
        String complete = "/api/v1/assignments/" + assignment + "/complete";
        String release = "/api/v1/assignments/" + assignment + "/release";

        for (UUID someoneElse : List.of(other, UUID.randomUUID())) {
            as(notifications).body(Map.of("volunteerId", someoneElse)).when().post(complete)
                    .then().statusCode(403).contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(NOT_YOURS)).body("detail", equalTo("that task is not yours"));
            as(notifications).body(Map.of("volunteerId", someoneElse, "reason", "cannot-make-it")).when().post(release)
                    .then().statusCode(403).body("type", equalTo(NOT_YOURS)).body("detail", equalTo("that task is not yours"));
        }
        // A service must say whom it answers for.
        as(notifications).when().post(complete).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("volunteerId"));
        as(notifications).body(Map.of()).when().post(complete).then().statusCode(400).body("errors.field", hasItem("volunteerId"));
        as(notifications).body(Map.of("reason", "cannot-make-it")).when().post(release).then().statusCode(400)
                .body("errors.field", hasItem("volunteerId"));
        as(notifications).when().post(release).then().statusCode(400).body("errors.field", hasItem("volunteerId"));
        // A bad reason is refused before anything is looked up, for a service as for a volunteer.
        as(notifications).body(Map.of("volunteerId", holder, "reason", "I felt like it")).when().post(release)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(notifications).body(Map.of("volunteerId", holder)).when().post("/api/v1/assignments/" + UUID.randomUUID() + "/complete")
                .then().statusCode(404);
        // Only services and volunteers: a partner cannot end anyone's task.
        as(TestTokens.token(UUID.randomUUID(), "partner", List.of("partner"))).body(Map.of("volunteerId", holder))
                .when().post(complete).then().statusCode(403);

        assertUnchanged(requestId, assignment);
    }

    @Test
    void aVolunteersBodyNeverActsForSomeoneElse() {
        String hub = Fixtures.freshHub();
        UUID holder = Fixtures.volunteerNear(hub, LAT, LON, 0.3, b -> { });
        UUID other = Fixtures.volunteerNear(hub, LAT, LON, 0.6, b -> { });
        UUID requestId = requestOffered(hub, 2);
        UUID offer = (UUID) DB.value("SELECT id FROM offers WHERE request_id = ? AND volunteer_id = ?", requestId, holder);
        UUID assignment = UUID.fromString(as(TestTokens.volunteer(holder, hub)).when().post("/api/v1/offers/" + offer + "/accept")
                .then().statusCode(200).extract().path("id"));
        String complete = "/api/v1/assignments/" + assignment + "/complete";

        // Someone else naming the holder is still only themselves.
        as(TestTokens.volunteer(other, hub)).body(Map.of("volunteerId", holder)).when().post(complete)
                .then().statusCode(403).body("type", equalTo(NOT_YOURS));
        as(TestTokens.volunteer(other, hub)).body(Map.of("volunteerId", holder, "reason", "other"))
                .when().post("/api/v1/assignments/" + assignment + "/release")
                .then().statusCode(403).body("type", equalTo(NOT_YOURS));
        assertUnchanged(requestId, assignment);

        // The holder naming someone else: the body is ignored, the task is theirs and it is theirs that is completed.
        as(TestTokens.volunteer(holder, hub)).body(Map.of("volunteerId", other)).when().post(complete).then().statusCode(204);
        AssignmentCompleted completed = published(requestId, AssignmentCompleted.class);
        assertThat(completed.volunteerId()).isEqualTo(holder);
        as(TestTokens.volunteer(holder, hub)).when().post(complete).then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("type", equalTo(NOT_ACTIVE));
    }

    @Test
    void theContactCarriesTheFirstNameOnlyAndEachReadIsAudited() {
        String hub = Fixtures.freshHub();
        UUID sian = smsVolunteer(hub, "Siân ap Huw", "+44 7700 900704", 0.3);
        String contact = "/api/v1/volunteers/" + sian + "/contact";

        as(notifications).when().get(contact).then().statusCode(200)
                .body("channel", equalTo("sms")).body("value", equalTo("+44 7700 900704"))
                .body("language", equalTo("en")).body("firstName", equalTo("Siân"));
        // A number typed as a name is never passed on as a name; nor is a name that is not there.
        DB.update("UPDATE volunteers SET display_name = '07700 900704' WHERE id = ?", sian);
        as(notifications).when().get(contact).then().statusCode(200)
                .body("firstName", nullValue()).body("value", equalTo("+44 7700 900704"));
        DB.update("UPDATE volunteers SET display_name = '   ' WHERE id = ?", sian);
        as(notifications).when().get(contact).then().statusCode(200).body("firstName", nullValue());

        as(TestTokens.volunteer(sian, hub)).when().get(contact).then().statusCode(403);
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'volunteer.contact-read' AND subject_id = ? "
                + "AND actor = 'service:notifications-service'", sian.toString())).isEqualTo(3);
    }

    /** Registered by a coordinator with a phone number and no account, {@code northKm} north of the test point. */
    private static UUID smsVolunteer(String hub, String name, String phone, double northKm) {
        double[] p = RequestEvents.offset(LAT, LON, northKm, 0);
        Map<String, Object> body = Fixtures.signUp(hub, p[0], p[1]);
        body.put("displayName", name);
        body.put("contact", Map.of("channel", "sms", "value", phone));
        return UUID.fromString(as(TestTokens.coordinator(hub)).body(body).when().post("/api/v1/volunteers")
                .then().statusCode(201).extract().path("id"));
    }

    private static UUID requestOffered(String hub, int offers) {
        UUID requestId = UUID.randomUUID();
        RequestEvents.publish(RequestEvents.submitted(requestId, hub, HelpCategory.GROCERIES, LAT, LON, "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == offers);
        return requestId;
    }

    /** The volunteer's SMS "YES", relayed by the notifications service; the new assignment's id. */
    private UUID acceptedByText(UUID requestId, UUID volunteer) {
        UUID offer = (UUID) DB.value("SELECT id FROM offers WHERE request_id = ? AND volunteer_id = ?", requestId, volunteer);
        return UUID.fromString(as(notifications).body(Map.of("volunteerId", volunteer, "via", "sms"))
                .when().post("/api/v1/offers/" + offer + "/accept").then().statusCode(200)
                .body("volunteerId", equalTo(volunteer.toString())).extract().path("id"));
    }

    private static void assertUnchanged(UUID requestId, UUID assignment) {
        Map<String, Object> row = new HashMap<>(DB.rows("SELECT status, completed_at, released_at, release_reason "
                + "FROM assignments WHERE id = ?", assignment).get(0));
        assertThat(row).containsEntry("status", "active").containsEntry("completed_at", null)
                .containsEntry("released_at", null).containsEntry("release_reason", null);
        assertThat(DB.value("SELECT status FROM match_rounds WHERE request_id = ?", requestId)).isEqualTo("assigned");
        assertThat(Fixtures.outboxed(requestId, AssignmentCompleted.class)).isZero();
        assertThat(Fixtures.outboxed(requestId, AssignmentReleased.class)).isZero();
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action IN ('assignment.completed', 'assignment.released') "
                + "AND subject_id = ?", assignment.toString())).isZero();
    }

    /** The one event of this type about the request, as it reached Kafka through the outbox. */
    private static <E extends TredegarEvent> E published(UUID requestId, Class<E> type) {
        String ceType = EventCatalog.of(type).type();
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.VOLUNTEERS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> requestId.toString().equals(r.key())
                        && ceType.equals(KafkaTestClient.header(r, "ce_type"))));
        List<E> events = records.stream().filter(r -> requestId.toString().equals(r.key())
                        && ceType.equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> EventJson.read(r.value(), type)).toList();
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
