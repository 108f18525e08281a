package org.tredegar.logistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "logistics"))
class LocationsTest {
    static final Db DB = Db.of("logistics");
    static final String GARAGE = """
            {"name":"Garage on Castle Street","kind":"volunteer-garage","lat":51.7741,"lon":-3.2455,
             "openingHours":"Evenings by arrangement"}""";

    @Test
    @TestSecurity(user = "coord-1", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void demoHubHasAStockedLocation() {
        given().when().get("/api/v1/hubs/tredegar/locations")
                .then().statusCode(200)
                .body("items.name", hasItem("Tredegar Food Bank"))
                .body("items.find { it.name == 'Tredegar Food Bank' }.hubId", equalTo(HubIds.idOf("tredegar").toString()));
        given().when().get("/api/v1/hubs/tredegar/stock")
                .then().statusCode(200)
                .body("items.item", hasItems("food-parcel", "blanket", "hygiene-kit"))
                .body("items.find { it.item == 'food-parcel' }.earliestExpiry", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    @TestSecurity(user = "coord-1", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "loc-paging"))
    void coordinatorAddsLocationsAndPagesThroughThem() {
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(GARAGE.replace("Castle Street", "Street " + i))
                    .when().post("/api/v1/hubs/loc-paging/locations")
                    .then().statusCode(201).body("kind", equalTo("volunteer-garage"))
                    .body("hubId", equalTo(HubIds.idOf("loc-paging").toString()));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var body = request.when().get("/api/v1/hubs/" + HubIds.idOf("loc-paging") + "/locations")
                    .then().statusCode(200).extract().jsonPath();
            List<String> names = body.getList("items.name");
            assertThat(names.size()).isLessThanOrEqualTo(2);
            seen.addAll(names);
            cursor = body.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(5);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = "coord-1", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void otherHubsAreForbidden() {
        given().contentType(ContentType.JSON).body(GARAGE)
                .when().post("/api/v1/hubs/ebbw-vale/locations")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().when().get("/api/v1/hubs/ebbw-vale/locations").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "vol-1", roles = "volunteer")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void volunteersSeeLocationsButCannotAddThem() {
        given().when().get("/api/v1/hubs/tredegar/locations").then().statusCode(200);
        given().contentType(ContentType.JSON).body(GARAGE)
                .when().post("/api/v1/hubs/tredegar/locations")
                .then().statusCode(403);
    }

    @ParameterizedTest(name = "{0}")
    @TestSecurity(user = "coord-1", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "loc-bad"))
    @CsvSource(delimiter = '|', value = {
            "unknown kind       | \"volunteer-garage\"      | \"castle\"       | kind",
            "latitude too big   | 51.7741                   | 95.1            | lat",
            "missing name       | \"Garage on Castle Street\" | \"\"           | name",
            "unknown field      | \"kind\"                  | \"owner\":\"Bob\",\"kind\" | owner",
    })
    void badLocationsAreRefusedAndNothingIsWritten(String name, String from, String to, String field) {
        long before = DB.count("SELECT count(*) FROM stock_locations WHERE hub_id = ?", HubIds.idOf("loc-bad"));
        given().contentType(ContentType.JSON).body(GARAGE.replace(from.trim(), to.trim()))
                .when().post("/api/v1/hubs/loc-bad/locations")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field.trim()));
        assertThat(DB.count("SELECT count(*) FROM stock_locations WHERE hub_id = ?", HubIds.idOf("loc-bad"))).isEqualTo(before);
    }

    @Test
    void catalogueIsPublic() {
        given().when().get("/api/v1/items").then().statusCode(200)
                .body("find { it.item == 'food-parcel' }.expires", equalTo(true))
                .body("find { it.item == 'blanket' }.expires", equalTo(false))
                .body("size()", equalTo(org.tredegar.contracts.model.ItemSlug.values().length));
    }
}
