package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.TredegarInfraResource;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Public endpoints are limited per client address (5 per minute in the test profile, which trusts
 * X-Forwarded-For so each test can be its own client).
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class RateLimitTest {

    static String address() {
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    @Test
    void sixthCallInAMinuteIsTurnedAwayWithRetryAfter() {
        String client = address();
        String other = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(RequestIntakeTest.GROCERIES)
                .when().post("/api/v1/requests").then().statusCode(202);
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", client + ", 10.0.0.1").when().get("/api/v1/requests/track/ZZZZ-ZZZZ")
                    .then().statusCode(404);
        }
        long before = RequestBadInputTest.requestRows();
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(RequestIntakeTest.GROCERIES)
                .when().post("/api/v1/requests")
                .then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/rate-limited"))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
        org.assertj.core.api.Assertions.assertThat(RequestBadInputTest.requestRows()).isEqualTo(before);
        given().header("X-Forwarded-For", client).when().get("/api/v1/requests/track/ZZZZ-ZZZZ").then().statusCode(429);
        given().header("X-Forwarded-For", other).when().get("/api/v1/requests/track/ZZZZ-ZZZZ").then().statusCode(404);
    }
}
