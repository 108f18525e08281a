package org.tredegar.logistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Every bad stock input is a 4xx problem+json naming the field, and leaves no receipt, lot or event behind. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "logistics"))
@TestSecurity(user = "coord-bad", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "hubs", value = "stock-bad"))
class StockBadInputTest {
    static final Db DB = Db.of("logistics");
    static final String VALID = "{\"donor\":\"Chapel\",\"lines\":[{\"item\":\"blanket\",\"quantity\":2},"
            + "{\"item\":\"food-parcel\",\"quantity\":3,\"expiresOn\":\"EXPIRY\"}]}";
    static UUID location;

    @BeforeEach
    void location() {
        if (location == null) {
            location = Api.location("stock-bad", "Food bank", 51.77, -3.24);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zero quantity              | \"quantity\":2       | \"quantity\":0           | lines[0].quantity",
            "negative quantity          | \"quantity\":3       | \"quantity\":-3          | lines[1].quantity",
            "unknown item               | \"blanket\"          | \"yacht\"                | lines[0].item",
            "expiry in the past         | EXPIRY               | 2020-01-01               | lines[1].expiresOn",
            "expiring item without date | ,\"expiresOn\":\"EXPIRY\" | ''                  | lines[1].expiresOn",
            "date on an undated item    | \"quantity\":2       | \"quantity\":2,\"expiresOn\":\"2099-01-01\" | lines[0].expiresOn",
            "unknown field              | \"donor\"            | \"worthy\":true,\"donor\" | worthy",
    })
    void badReceiptsAreRefusedAndNothingIsWritten(String name, String from, String to, String field) {
        String body = VALID.replace(from.trim(), to.trim()).replace("EXPIRY", Api.inDays(10));
        List<Long> before = counts();
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/locations/" + location + "/receipts")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field.trim()));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void emptyReceiptIsRefused() {
        given().contentType(ContentType.JSON).body("{\"lines\":[]}")
                .when().post("/api/v1/locations/" + location + "/receipts")
                .then().statusCode(400).body("errors.field", hasItem("lines"));
    }

    @Test
    void unknownLocationIsNotFound() {
        List<Long> before = counts();
        given().contentType(ContentType.JSON).body(VALID.replace("EXPIRY", Api.inDays(10)))
                .when().post("/api/v1/locations/" + UUID.randomUUID() + "/receipts")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void zeroAdjustmentAndUnknownTransferTargetAreRefused() {
        List<Long> before = counts();
        given().contentType(ContentType.JSON).body("{\"item\":\"blanket\",\"delta\":0,\"reason\":\"nothing\"}")
                .when().post("/api/v1/locations/" + location + "/adjustments")
                .then().statusCode(400).body("errors.field", hasItem("delta"));
        given().contentType(ContentType.JSON).body("{\"item\":\"blanket\",\"delta\":-1}")
                .when().post("/api/v1/locations/" + location + "/adjustments")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{\"toLocationId\":\"" + UUID.randomUUID() + "\",\"lines\":[{\"item\":\"blanket\",\"quantity\":1}]}")
                .when().post("/api/v1/locations/" + location + "/transfers")
                .then().statusCode(400).body("errors.field", hasItem("toLocationId"));
        given().contentType(ContentType.JSON).body("{\"toLocationId\":\"" + location + "\",\"lines\":[{\"item\":\"blanket\",\"quantity\":-1}]}")
                .when().post("/api/v1/locations/" + location + "/transfers")
                .then().statusCode(400).body("errors.field", hasItem("lines[0].quantity"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "coord-other", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void coordinatorsOfOtherHubsCannotReceiveHere() {
        List<Long> before = counts();
        given().contentType(ContentType.JSON).body(VALID.replace("EXPIRY", Api.inDays(10)))
                .when().post("/api/v1/locations/" + location + "/receipts")
                .then().statusCode(403).body("type", equalTo("https://tredegar.org/problems/forbidden"));
        assertThat(counts()).isEqualTo(before);
    }

    static List<Long> counts() {
        return List.of(DB.count("SELECT count(*) FROM receipts"), DB.count("SELECT count(*) FROM stock_lots"),
                DB.count("SELECT count(*) FROM outbox"), DB.count("SELECT count(*) FROM audit_log"));
    }
}
