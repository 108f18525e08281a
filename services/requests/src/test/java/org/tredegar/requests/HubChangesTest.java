package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.tredegar.requests.TestRequests.DB;

/** Routing uses hubs held in memory; a hub added or changed in the database is routed to without a restart. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class HubChangesTest {

    @Test
    void aHubAddedOrChangedInTheDatabaseIsUsedWithoutARestart() {
        // Far from the demo hubs (which stay the nearest for every test place in Wales).
        double lat = 10 + ThreadLocalRandom.current().nextInt(1000) * 0.05;
        String slug = "test-hub-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        String areas = String.format(Locale.ROOT, "[{\"name\":\"Test\",\"postcodeDistricts\":[\"ZZ%d\"],"
                + "\"polygon\":[[%.4f,9.99],[%.4f,10.01],[%.4f,10.01],[%.4f,9.99]]}]",
                ThreadLocalRandom.current().nextInt(100, 999), lat - 0.01, lat - 0.01, lat + 0.01, lat + 0.01);
        DB.update("INSERT INTO hubs (id, slug, name, centre_lat, centre_lon, timezone, areas) VALUES (?, ?, 'Test hub', ?, 10.0, 'UTC', ?)",
                id, slug, lat, areas);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().get("/api/v1/hubs").then().statusCode(200).body("slug", hasItem(slug)));
        String body = String.format(Locale.ROOT, "{\"category\":\"groceries\",\"urgency\":\"urgent\",\"description\":\"Far away\","
                + "\"location\":{\"lat\":%.4f,\"lon\":10.0},\"language\":\"en\"}", lat);
        String request = given().contentType(ContentType.JSON).body(body).post("/api/v1/requests").then().statusCode(202)
                .extract().path("id");
        assertThat(DB.rows("SELECT hub_id, outside_hub_area FROM help_requests WHERE id = ?", UUID.fromString(request)))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("hub_id", id).containsEntry("outside_hub_area", false));

        DB.update("UPDATE hubs SET name = 'Renamed test hub' WHERE id = ?", id);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().get("/api/v1/hubs/" + slug).then().statusCode(200).body("name", equalTo("Renamed test hub")));
    }
}
