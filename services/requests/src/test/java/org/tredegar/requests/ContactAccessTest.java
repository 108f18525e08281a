package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.TredegarInfraResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;

/** Contact details leave their sealed table only through the audited endpoint, and only to those who need them. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class ContactAccessTest {
    static final String VOLUNTEER = "0b6f3c2e-6a1d-4f57-9e21-7c4d2b8a9e10";
    static final UUID TREDEGAR = HubIds.idOf("tredegar");

    static long contactReads(UUID id) {
        return DB.count("SELECT count(*) FROM audit_log WHERE action = 'contact-read' AND subject_id = ?", id.toString());
    }

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void hubCoordinatorReadsTheContactAndTheReadIsAudited() {
        UUID id = TestRequests.submitGroceries();
        given().when().get("/api/v1/requests/" + id + "/contact")
                .then().statusCode(200)
                .body("channel", equalTo("sms"))
                .body("value", equalTo("+44 7700 900123"))
                .body("language", equalTo("en"))
                .body("$", org.hamcrest.Matchers.hasKey("trackingCode"))
                .body("trackingCode", org.hamcrest.Matchers.nullValue());
        var audit = DB.rows("SELECT actor, detail FROM audit_log WHERE action = 'contact-read' AND subject_id = ?", id.toString());
        assertThat(audit).hasSize(1);
        assertThat((String) audit.get(0).get("actor")).startsWith("coordinator:");
        assertThat((String) audit.get(0).get("detail")).doesNotContain("7700");
    }

    @Test
    @TestSecurity(user = "coord-e", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "ebbw-vale"))
    void coordinatorOfAnotherHubIsRefusedAndNothingIsAudited() {
        UUID id = TestRequests.submitGroceries();
        given().when().get("/api/v1/requests/" + id + "/contact")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        assertThat(contactReads(id)).isZero();
    }

    @Test
    @TestSecurity(user = VOLUNTEER, roles = "volunteer")
    @OidcSecurity(claims = @Claim(key = "sub", value = VOLUNTEER))
    void assignedVolunteerReadsOnlyWhileTheAssignmentIsActive() {
        UUID id = TestRequests.submitGroceries();
        given().when().get("/api/v1/requests/" + id + "/contact").then().statusCode(403);

        UUID assignment = UUID.randomUUID();
        TestRequests.publish(new OfferAccepted(UUID.randomUUID(), id, UUID.fromString(VOLUNTEER), assignment, TREDEGAR, Instant.now()));
        TestRequests.awaitStatus(id, "matched");
        given().when().get("/api/v1/requests/" + id + "/contact")
                .then().statusCode(200).body("value", equalTo("+44 7700 900123"));
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'match' AND subject_id = ?", id.toString())).isEqualTo(1);

        TestRequests.publish(new AssignmentCompleted(assignment, id, UUID.fromString(VOLUNTEER), TREDEGAR, Instant.now()));
        TestRequests.awaitStatus(id, "fulfilled");
        given().when().get("/api/v1/requests/" + id + "/contact")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        assertThat(contactReads(id)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "5d1c7e2a-0000-4000-8000-000000000001", roles = "volunteer")
    void otherVolunteersAreRefused() {
        UUID id = TestRequests.submitGroceries();
        TestRequests.publish(new OfferAccepted(UUID.randomUUID(), id, UUID.fromString(VOLUNTEER), UUID.randomUUID(), TREDEGAR, Instant.now()));
        TestRequests.awaitStatus(id, "matched");
        given().when().get("/api/v1/requests/" + id + "/contact").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void notificationsServiceReadsWithTheTrackingCodeAndIsAudited() {
        UUID id = TestRequests.submitGroceries();
        given().when().get("/api/v1/requests/" + id + "/contact").then().statusCode(200).body("channel", equalTo("sms"))
                .body("trackingCode", equalTo(DB.value("SELECT tracking_code FROM help_requests WHERE id = ?", id)));
        assertThat(DB.value("SELECT actor FROM audit_log WHERE action = 'contact-read' AND subject_id = ?", id.toString()))
                .isEqualTo("service:notifications");
    }

    @Test
    @TestSecurity(user = "partner-demo", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void partnersAreRefused() {
        UUID id = TestRequests.submitGroceries();
        given().when().get("/api/v1/requests/" + id + "/contact")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void noContactOrUnknownRequestIs404() {
        UUID id = TestRequests.submit(RequestIntakeTest.GROCERIES.replace(
                "\"contact\":{\"channel\":\"sms\",\"value\":\"+44 7700 900123\"},", ""));
        given().when().get("/api/v1/requests/" + id + "/contact")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().when().get("/api/v1/requests/" + UUID.randomUUID() + "/contact").then().statusCode(404);
        assertThat(contactReads(id)).isZero();
    }

    /** An attacker with database access edits a row: the chain names the first entry that no longer holds. */
    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void editedAuditRowIsReportedByVerify() throws SQLException {
        UUID id = TestRequests.submitGroceries();
        given().contentType(ContentType.JSON).body("{\"reason\":\"asked twice\"}")
                .when().post("/api/v1/requests/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        given().when().get("/api/v1/requests/" + id + "/contact").then().statusCode(200);
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'cancel' AND subject_id = ?", id.toString())).isEqualTo(1);
        given().when().get("/api/v1/hubs/tredegar/audit/verify").then().statusCode(200).body("intact", equalTo(true));

        long seq = ((Number) DB.value("SELECT seq FROM audit_log WHERE hub_id = ? AND action = 'contact-read' AND subject_id = ?",
                TREDEGAR, id.toString())).longValue();
        String actor = (String) DB.value("SELECT actor FROM audit_log WHERE hub_id = ? AND seq = ?", TREDEGAR, seq);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DB.update(
                        "UPDATE audit_log SET actor = 'nobody' WHERE hub_id = ? AND seq = ?", TREDEGAR, seq))
                .as("the append-only trigger stops a plain edit").hasStackTraceContaining("append-only");

        tamper(seq, "coordinator:someone-else");
        given().when().get("/api/v1/hubs/tredegar/audit/verify")
                .then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo((int) seq))
                .body("reason", org.hamcrest.Matchers.containsString("changed"));

        tamper(seq, actor);
        given().when().get("/api/v1/hubs/tredegar/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    /** An attacker with database access edits the row past the append-only trigger, in one transaction. */
    private static void tamper(long seq, String actor) throws SQLException {
        try (Connection c = DB.connect()) {
            c.setAutoCommit(false);
            try (Statement ddl = c.createStatement();
                 PreparedStatement edit = c.prepareStatement("UPDATE audit_log SET actor = ? WHERE hub_id = ? AND seq = ?")) {
                ddl.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
                edit.setString(1, actor);
                edit.setObject(2, TREDEGAR);
                edit.setLong(3, seq);
                edit.executeUpdate();
                ddl.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
            }
            c.commit();
        }
    }
}
