package org.tredegar.dashboard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.TredegarInfraResource;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * The public page and the partners' summary are limited per client address: 5 a minute in the test profile, which
 * trusts X-Forwarded-For so that each test can be its own client.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "dashboard"))
class PublicRateLimitTest {

    @Test
    void pageAndSummaryShareTheAddressAllowanceThenAnswer429WithRetryAfter() {
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", client).when().get("/").then().statusCode(200);
        }
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", client).when().get("/api/v1/hubs/tredegar/summary").then().statusCode(200);
        }
        given().header("X-Forwarded-For", client).when().get("/hubs/tredegar")
                .then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(429))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        given().header("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255))
                .when().get("/hubs/tredegar").then().statusCode(200);
    }
}
