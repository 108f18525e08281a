package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.TredegarInfraResource;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * The public endpoints (CAP feed, SMS callbacks) are limited per client address: 5 a minute in the test profile,
 * which trusts X-Forwarded-For so that each test can be its own client.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class PublicEndpointRateLimitTest {

    @Test
    void theSixthFeedReadInAMinuteIsTurnedAwayButAnotherAddressIsNot() {
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).when().get("/api/v1/alerts.atom").then().statusCode(200);
        }
        given().header("X-Forwarded-For", client).when().get("/api/v1/alerts.atom")
                .then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(429))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        given().header("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255))
                .when().get("/api/v1/alerts.atom").then().statusCode(200);
    }

    @Test
    void smsCallbacksShareTheAddressAllowance() {
        String client = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255);
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            int status = given().header("X-Forwarded-For", client).contentType(ContentType.URLENC)
                    .formParam("From", "+447700900001").formParam("Body", "YES")
                    .when().post("/api/v1/channels/sms/inbound").then().extract().statusCode();
            if (status == 429) {
                limited++;
            }
        }
        org.assertj.core.api.Assertions.assertThat(limited).isEqualTo(1);
    }
}
