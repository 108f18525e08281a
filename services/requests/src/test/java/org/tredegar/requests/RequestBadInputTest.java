package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tredegar.platform.web.LoadedStateTraversableResolver;
import org.tredegar.testing.TredegarInfraResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;

/** Every bad input is a 4xx problem+json naming the field, and leaves nothing behind. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class RequestBadInputTest {

    static final String VALID = RequestIntakeTest.GROCERIES;

    @Inject
    ValidatorFactory validation;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown category      | \"groceries\"        | \"caviar\"              | category",
            "unknown urgency       | \"urgent\"           | \"whenever\"            | urgency",
            "latitude out of range | 51.7730              | 91.5                    | location.lat",
            "longitude out of range| -3.2460              | -181                    | location.lon",
            "unknown item          | \"food-parcel\"      | \"yacht\"               | items[0].item",
            "zero quantity         | \"quantity\":1       | \"quantity\":0          | items[0].quantity",
            "bad phone for sms     | \"+44 7700 900123\"  | \"call me maybe\"       | contact.valueFitForChannel",
            "bad language tag      | \"language\":\"en\"  | \"language\":\"english please\" | language",
            "unknown field         | \"language\":\"en\"  | \"language\":\"en\",\"income\":1200 | income",
    })
    void badFieldsAreNamed(String name, String from, String to, String field) {
        long before = requestRows();
        given().contentType(ContentType.JSON).body(VALID.replace(from.trim(), to.trim()))
                .when().post("/api/v1/requests")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/invalid-request"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field.trim()));
        assertThat(requestRows()).isEqualTo(before);
    }

    /** The nested fields above are reached without asking JPA whether a request record is "loaded". */
    @Test
    void bodiesAreValidatedWithoutJpaLoadChecks() {
        assertThat(validation.getTraversableResolver()).isInstanceOf(LoadedStateTraversableResolver.class);
    }

    @Test
    void oversizeDescriptionIsRefused() {
        String longText = "x".repeat(4097);
        given().contentType(ContentType.JSON).body(VALID.replace("Shopping for the week, I can't get out", longText))
                .when().post("/api/v1/requests")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("description"));
    }

    @Test
    void wrongContentTypeIsRefused() {
        given().contentType(ContentType.TEXT).body("help please")
                .when().post("/api/v1/requests")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
    }

    @Test
    void brokenJsonIsRefused() {
        given().contentType(ContentType.JSON).body("{\"category\": ")
                .when().post("/api/v1/requests")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("JSON"));
    }

    @Test
    void scheduledWithoutWindowIsRefused() {
        given().contentType(ContentType.JSON).body(VALID.replace("\"urgent\"", "\"scheduled\""))
                .when().post("/api/v1/requests")
                .then().statusCode(400).body("errors.field", hasItem("window"));
    }

    @Test
    void unknownTrackingCodeIs404Problem() {
        given().when().get("/api/v1/requests/track/ZZZZ-ZZZZ")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void unknownAreaIsNamed() {
        given().contentType(ContentType.JSON)
                .body(VALID.replace("\"lat\":51.7730,\"lon\":-3.2460", "\"area\":\"Atlantis\""))
                .when().post("/api/v1/requests")
                .then().statusCode(400).body("errors.field", hasItem("location.area"));
    }

    static long requestRows() {
        return DB.count("SELECT (SELECT count(*) FROM help_requests) + (SELECT count(*) FROM outbox)");
    }
}
