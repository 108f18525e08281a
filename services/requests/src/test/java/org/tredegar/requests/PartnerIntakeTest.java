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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.tredegar.requests.TestRequests.DB;

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
        String body = DuplicatesTest.groceriesFrom(Texts.newNumber());
        String first = submit(key, body);
        String code = (String) DB.value("SELECT tracking_code FROM help_requests WHERE id = ?", UUID.fromString(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(202).body("id", equalTo(first)).body("trackingCode", equalTo(code));
        assertThat(TestRequests.outboxTypes(UUID.fromString(first))).containsExactly("RequestSubmitted");
        assertThat(DB.count("SELECT count(*) FROM idempotency_keys WHERE key = ?", key)).isEqualTo(1);
        assertThat(DB.value("SELECT channel FROM help_requests WHERE id = ?", UUID.fromString(first))).isEqualTo("partner");

        String other = submit("order-" + UUID.randomUUID(), body);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void concurrentRetriesWithTheSameKeyMakeOneRequest() throws Exception {
        String key = "burst-" + UUID.randomUUID();
        String body = DuplicatesTest.groceriesFrom(Texts.newNumber());
        ExecutorService callers = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(callers.submit(() -> {
                    go.await();
                    return submit(key, body);
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }
            assertThat(ids).hasSize(1);
            UUID id = UUID.fromString(ids.iterator().next());
            assertThat(DB.count("SELECT count(*) FROM idempotency_keys WHERE key = ?", key)).isEqualTo(1);
            assertThat(TestRequests.outboxTypes(id)).containsExactly("RequestSubmitted");
            assertThat(DB.count("SELECT count(*) FROM request_transitions WHERE request_id = ?", id)).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
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
