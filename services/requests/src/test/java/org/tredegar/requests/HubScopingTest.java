package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.TredegarInfraResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;

/** A coordinator acts for their own hubs only; the hotline enters requests for the coordinator's hub. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class HubScopingTest {

    @Test
    @TestSecurity(user = "coord-e", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "ebbw-vale"))
    void ebbwValeCoordinatorCannotTouchTredegar() {
        UUID id = TestRequests.submitGroceries();
        for (String path : new String[]{"/api/v1/hubs/tredegar/requests", "/api/v1/hubs/" + HubIds.idOf("tredegar") + "/requests",
                "/api/v1/requests/" + id, "/api/v1/requests/" + id + "/contact", "/api/v1/hubs/tredegar/audit"}) {
            given().get(path).then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + id + "/triage").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post("/api/v1/requests/" + id + "/cancel").then().statusCode(403);
        long before = RequestBadInputTest.requestRows();
        given().contentType(ContentType.JSON).body(RequestIntakeTest.GROCERIES).post("/api/v1/hubs/tredegar/requests").then().statusCode(403);
        assertThat(RequestBadInputTest.requestRows()).isEqualTo(before);
        assertThat(TestRequests.status(id)).isEqualTo("submitted");
        given().get("/api/v1/hubs/ebbw-vale/requests").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void hotlineEntryLandsInTheCoordinatorsQueue() {
        String id = given().contentType(ContentType.JSON)
                .body(RequestIntakeTest.GROCERIES.replace("\"groceries\"", "\"check-in-call\""))
                .post("/api/v1/hubs/tredegar/requests").then().statusCode(202).extract().path("id");
        given().get("/api/v1/requests/" + id).then().statusCode(200).body("channel", equalTo("hotline"))
                .body("contactChannel", equalTo("sms"));
        given().queryParam("category", "check-in-call").get("/api/v1/hubs/tredegar/requests")
                .then().statusCode(200).body("items.id", hasItem(id));
        assertThat(DB.value("SELECT actor FROM request_transitions WHERE request_id = ?", UUID.fromString(id)))
                .asString().startsWith("coordinator:");
        given().queryParam("category", "caviar").get("/api/v1/hubs/tredegar/requests")
                .then().statusCode(400).body("errors.field", hasItem("category"));
        given().get("/api/v1/hubs/atlantis/requests").then().statusCode(404);
    }

    @Test
    void anonymousCallersSeeNoRequestsAndNoQueues() {
        UUID id = TestRequests.submitGroceries();
        given().get("/api/v1/requests/" + id).then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().get("/api/v1/hubs/tredegar/requests").then().statusCode(401);
        given().get("/api/v1/requests/" + id + "/contact").then().statusCode(401);
    }
}
