package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.TredegarInfraResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Partners (client credentials) submit for people they support; a retry with the same Idempotency-Key is the same request. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
@TestSecurity(user = "partner-demo", roles = "partner")
@OidcSecurity(claims = {@Claim(key = "hubs", value = "tredegar"), @Claim(key = "azp", value = "partner-demo")})
class PartnerIntakeTest {

    static String submit(String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/requests").then().statusCode(202).body("status", equalTo("submitted")).extract().path("id");
    }

    @Test
    void retryWithTheSameKeyReturnsTheFirstRequest() {
        String key = "order-" + UUID.randomUUID();
        String body = DuplicatesTest.groceriesFrom(SmsInboundTest.newNumber());
        String first = submit(key, body);
        String code = (String) TestDb.value("SELECT tracking_code FROM help_requests WHERE id = ?", UUID.fromString(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(202).body("id", equalTo(first)).body("trackingCode", equalTo(code));
        assertThat(TestRequests.outboxTypes(UUID.fromString(first))).containsExactly("RequestSubmitted");
        assertThat(TestDb.count("SELECT count(*) FROM idempotency_keys WHERE key = ?", key)).isEqualTo(1);
        assertThat(TestDb.value("SELECT channel FROM help_requests WHERE id = ?", UUID.fromString(first))).isEqualTo("partner");

        String other = submit("order-" + UUID.randomUUID(), body);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void partnersSeeTheirHubsRequestsWithoutContactOrExactPlace() {
        String id = submit("view-" + UUID.randomUUID(), RequestIntakeTest.GROCERIES);
        given().get("/api/v1/requests/" + id).then().statusCode(200)
                .body("trackingCode", nullValue()).body("contactChannel", nullValue())
                .body("location.lat", equalTo(51.773f)).body("description", equalTo("Shopping for the week, I can't get out"));
        given().get("/api/v1/requests/" + id + "/contact").then().statusCode(403);
    }

    @Test
    void oversizeIdempotencyKeyIsRefused() {
        long before = RequestBadInputTest.requestRows();
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(129)).body(RequestIntakeTest.GROCERIES)
                .post("/api/v1/requests").then().statusCode(400);
        assertThat(RequestBadInputTest.requestRows()).isEqualTo(before);
    }
}
