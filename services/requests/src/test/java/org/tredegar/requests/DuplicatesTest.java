package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.requests.v1.RequestsMerged;
import org.tredegar.testing.TredegarInfraResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The same contact asking for the same help is linked, never refused; a coordinator merges or splits. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
@TestSecurity(user = "coord-t", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
class DuplicatesTest {

    static String groceriesFrom(String phone) {
        return RequestIntakeTest.GROCERIES.replace("+44 7700 900123", phone);
    }

    static UUID[] pair() {
        String phone = SmsInboundTest.newNumber();
        UUID first = TestRequests.submit(groceriesFrom(phone));
        UUID second = TestRequests.submit(groceriesFrom(phone.replace("+44", "+44 ")));
        return new UUID[]{first, second};
    }

    static io.restassured.response.ValidatableResponse post(UUID id, String action, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/requests/" + id + "/" + action).then();
    }

    @Test
    void sameContactAndCategoryIsLinkedAsAProbableDuplicate() {
        UUID[] p = pair();
        given().get("/api/v1/requests/" + p[1]).then().statusCode(200).body("duplicateOf", equalTo(p[0].toString()));
        given().get("/api/v1/requests/" + p[0]).then().statusCode(200).body("duplicateOf", nullValue());
        UUID otherCategory = TestRequests.submit(groceriesFrom("+44 7700 900555").replace("\"groceries\"", "\"transport\""));
        given().get("/api/v1/requests/" + otherCategory).then().body("duplicateOf", nullValue());
    }

    @Test
    void mergeClosesTheDuplicateEmitsRequestsMergedAndIsAudited() {
        UUID[] p = pair();
        post(p[1], "merge", "{\"into\":\"" + p[0] + "\"}").statusCode(200)
                .body("status", equalTo("closed")).body("duplicateOf", equalTo(p[0].toString()));
        assertThat(TestRequests.status(p[0])).isEqualTo("submitted");
        assertThat(TestRequests.outboxTypes(p[1])).containsExactly("RequestSubmitted", "RequestClosed");
        assertThat(TestRequests.outboxTypes(p[0])).containsExactly("RequestSubmitted", "RequestsMerged");
        RequestsMerged merged = EventJson.read(TestRequests.published(p[0], "org.tredegar.requests.RequestsMerged.v1").value(),
                RequestsMerged.class);
        assertThat(merged.mergedRequestId()).isEqualTo(p[1]);
        assertThat(merged.mergedBy()).startsWith("coordinator:");
        assertThat(TestDb.value("SELECT detail FROM audit_log WHERE action = 'merge' AND subject_id = ?", p[1].toString()))
                .asString().contains("into=" + p[0]);

        post(p[1], "merge", "{\"into\":\"" + p[0] + "\"}").statusCode(409).contentType(startsWith("application/problem+json"));
        assertThat(TestRequests.outboxTypes(p[0])).containsExactly("RequestSubmitted", "RequestsMerged");
    }

    @Test
    void badMergesAreRefusedAndChangeNothing() {
        UUID[] p = pair();
        post(p[1], "merge", "{}").statusCode(400).body("errors.field", hasItem("into"));
        post(p[1], "merge", "{\"into\":\"" + p[1] + "\"}").statusCode(409).body("type", equalTo("https://tredegar.org/problems/merge-into-itself"));
        post(p[1], "merge", "{\"into\":\"" + UUID.randomUUID() + "\"}").statusCode(404).contentType(startsWith("application/problem+json"));
        post(p[1], "merge", "{\"into\":\"not-a-uuid\"}").statusCode(400).body("errors.field", hasItem("into"));
        UUID ebbwVale = TestRequests.submit(RequestIntakeTest.GROCERIES.replace("51.7730", "51.7776").replace("-3.2460", "-3.2066"));
        post(p[1], "merge", "{\"into\":\"" + ebbwVale + "\"}").statusCode(409).body("type", equalTo("https://tredegar.org/problems/merge-across-hubs"));
        assertThat(TestRequests.status(p[1])).isEqualTo("submitted");
        assertThat(TestRequests.outboxTypes(p[1])).containsExactly("RequestSubmitted");
        assertThat(TestDb.count("SELECT count(*) FROM audit_log WHERE subject_id = ?", p[1].toString())).isZero();
    }

    @Test
    void splitClearsTheLinkAndIsAudited() {
        UUID[] p = pair();
        post(p[1], "split", "").statusCode(200).body("duplicateOf", nullValue()).body("status", equalTo("submitted"));
        assertThat(TestDb.value("SELECT duplicate_of FROM help_requests WHERE id = ?", p[1])).isNull();
        assertThat(TestDb.count("SELECT count(*) FROM audit_log WHERE action = 'split' AND subject_id = ?", p[1].toString())).isEqualTo(1);
        post(p[1], "split", "").statusCode(409).body("type", equalTo("https://tredegar.org/problems/not-linked"));
    }

    @Test
    @TestSecurity(user = "coord-e", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "ebbw-vale"))
    void coordinatorsOfOtherHubsCannotMergeOrSplit() {
        UUID[] p = pair();
        post(p[1], "merge", "{\"into\":\"" + p[0] + "\"}").statusCode(403).contentType(startsWith("application/problem+json"));
        post(p[1], "split", "").statusCode(403);
        assertThat(TestDb.value("SELECT duplicate_of FROM help_requests WHERE id = ?", p[1])).isEqualTo(p[0]);
    }
}
