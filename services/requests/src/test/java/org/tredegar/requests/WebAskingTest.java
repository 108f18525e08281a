package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the people's site relies on, without any account: the form's random key makes a resent form the same
 * request; a key anyone could guess is refused; the person cancels with the tracking code alone; a full postcode or
 * a place the hub knows, typed as words, finds the hub as a text would.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class WebAskingTest {
    static final Db DB = Db.of("requests");
    static final String AT_A_POSTCODE = """
            {"category":"groceries","urgency":"urgent","description":"%s","location":{"area":"np22 3ab"},
             "contact":{"channel":"none"},"language":"cy"}""";

    @Test
    void theSameFormSentTwiceIsOneRequestAndAGuessableKeyIsRefused() {
        String description = "Bara " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(AT_A_POSTCODE.formatted(description)).post("/api/v1/requests")
                .then().statusCode(202).extract().path("trackingCode");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key.toUpperCase())
                .body(AT_A_POSTCODE.formatted(description)).post("/api/v1/requests")
                .then().statusCode(202).body("trackingCode", equalTo(first));
        assertThat(DB.count("SELECT count(*) FROM help_requests WHERE description = ?", description)).isEqualTo(1);

        long before = RequestBadInputTest.requestRows();
        given().contentType(ContentType.JSON).header("Idempotency-Key", "order-1")
                .body(AT_A_POSTCODE.formatted("another")).post("/api/v1/requests")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("Idempotency-Key"));
        assertThat(RequestBadInputTest.requestRows()).isEqualTo(before);
    }

    @Test
    void thePersonWhoAskedCancelsWithTheTrackingCodeAloneAndAgainChangesNothing() {
        String code = given().contentType(ContentType.JSON).body(AT_A_POSTCODE.formatted("Llaeth " + UUID.randomUUID()))
                .post("/api/v1/requests").then().statusCode(202).extract().path("trackingCode");
        given().post("/api/v1/requests/track/" + code + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        given().post("/api/v1/requests/track/" + code + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        assertThat(DB.value("SELECT count(*) FROM request_transitions t JOIN help_requests r ON r.id = t.request_id "
                + "WHERE r.tracking_code = ? AND t.to_status = 'cancelled'", code)).isEqualTo(1L);
        given().post("/api/v1/requests/track/NOPE-NOPE/cancel").then().statusCode(404);
    }
}
