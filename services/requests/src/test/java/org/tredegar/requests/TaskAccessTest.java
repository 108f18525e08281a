package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;

/** The task with its exact place: for the assigned volunteer (and notifications) while it runs; every read audited. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class TaskAccessTest {
    static final String VOLUNTEER = ContactAccessTest.VOLUNTEER;
    static final UUID TREDEGAR = HubIds.idOf("tredegar");
    /** A scheduled request at an exact point, with a window. */
    static final String SCHEDULED = """
            {"category":"legal-accompaniment","urgency":"scheduled","description":"Housing court at 10, need someone with me",
             "location":{"lat":51.77412,"lon":-3.24789,"area":"NP22"},"language":"cy",
             "window":{"from":"2031-03-04T09:30:00Z","to":"2031-03-04T12:00:00Z"}}""";

    static long taskReads(UUID id) {
        return DB.count("SELECT count(*) FROM audit_log WHERE action = 'task-read' AND subject_id = ?", id.toString());
    }

    static UUID matched(String body, UUID assignment) {
        UUID id = TestRequests.submit(body);
        TestRequests.publish(new OfferAccepted(UUID.randomUUID(), id, UUID.fromString(VOLUNTEER), assignment, TREDEGAR, Instant.now()));
        TestRequests.awaitStatus(id, "matched");
        return id;
    }

    @Test
    @TestSecurity(user = VOLUNTEER, roles = "volunteer")
    @OidcSecurity(claims = @Claim(key = "sub", value = VOLUNTEER))
    void theAssignedVolunteerReadsTheExactPlaceWhileTheTaskRuns() {
        UUID assignment = UUID.randomUUID();
        UUID id = matched(SCHEDULED, assignment);
        given().get("/api/v1/requests/" + id + "/task").then().statusCode(200)
                .body("requestId", equalTo(id.toString())).body("hubId", equalTo(TREDEGAR.toString()))
                .body("category", equalTo("legal-accompaniment")).body("urgency", equalTo("scheduled"))
                .body("description", equalTo("Housing court at 10, need someone with me"))
                .body("place.label", equalTo("NP22")).body("place.latitude", equalTo(51.77412f))
                .body("place.longitude", equalTo(-3.24789f))
                .body("window.from", equalTo("2031-03-04T09:30:00Z")).body("window.to", equalTo("2031-03-04T12:00:00Z"))
                .body("language", equalTo("cy"));
        var audit = DB.rows("SELECT actor, detail FROM audit_log WHERE action = 'task-read' AND subject_id = ?", id.toString());
        assertThat(audit).singleElement().satisfies(a -> assertThat(a).containsEntry("actor", "volunteer:" + VOLUNTEER)
                .containsEntry("detail", "status=matched"));

        TestRequests.publish(new AssignmentCompleted(assignment, id, UUID.fromString(VOLUNTEER), TREDEGAR, Instant.now()));
        TestRequests.awaitStatus(id, "fulfilled");
        given().get("/api/v1/requests/" + id + "/task").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/task-not-running"));
        assertThat(taskReads(id)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "5d1c7e2a-0000-4000-8000-000000000001", roles = "volunteer")
    void anotherVolunteerIsRefusedAndNothingIsAudited() {
        UUID id = matched(RequestIntakeTest.GROCERIES, UUID.randomUUID());
        given().get("/api/v1/requests/" + id + "/task").then().statusCode(403).contentType(startsWith("application/problem+json"));
        assertThat(taskReads(id)).isZero();
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void notificationsReadsItOnlyWhileItRuns() {
        UUID waiting = TestRequests.submit(RequestIntakeTest.GROCERIES.replace(
                "\"contact\":{\"channel\":\"sms\",\"value\":\"+44 7700 900123\"},", ""));
        given().get("/api/v1/requests/" + waiting + "/task").then().statusCode(409)
                .body("type", equalTo("https://tredegar.org/problems/task-not-running"));
        UUID id = matched(RequestIntakeTest.GROCERIES, UUID.randomUUID());
        given().get("/api/v1/requests/" + id + "/task").then().statusCode(200).body("window", nullValue());
        assertThat(DB.value("SELECT actor FROM audit_log WHERE action = 'task-read' AND subject_id = ?", id.toString()))
                .isEqualTo("service:notifications");
        given().get("/api/v1/requests/" + UUID.randomUUID() + "/task").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void coordinatorsUseTheRequestItself() {
        UUID id = matched(RequestIntakeTest.GROCERIES, UUID.randomUUID());
        given().get("/api/v1/requests/" + id + "/task").then().statusCode(403);
    }
}
