package org.tredegar.logistics;

import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** REST calls the tests repeat; they run with the calling test's security identity. */
final class Api {
    private Api() {
    }

    static UUID location(String hub, String name, double lat, double lon) {
        String id = given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"kind\":\"food-bank\",\"lat\":" + lat + ",\"lon\":" + lon + "}")
                .when().post("/api/v1/hubs/" + hub + "/locations")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static String receive(UUID location, String linesJson) {
        return given().contentType(ContentType.JSON).body("{\"lines\":" + linesJson + "}")
                .when().post("/api/v1/locations/" + location + "/receipts")
                .then().statusCode(201).extract().path("receiptId");
    }

    static void minimum(UUID location, String item, int minimum) {
        given().contentType(ContentType.JSON).body("{\"minimum\":" + minimum + "}")
                .when().put("/api/v1/locations/" + location + "/minimums/" + item)
                .then().statusCode(204);
    }

    static void adjust(UUID location, String item, int delta, String reason) {
        given().contentType(ContentType.JSON)
                .body("{\"item\":\"" + item + "\",\"delta\":" + delta + ",\"reason\":\"" + reason + "\"}")
                .when().post("/api/v1/locations/" + location + "/adjustments")
                .then().statusCode(200);
    }

    static String inDays(int days) {
        return LocalDate.now(java.time.ZoneOffset.UTC).plusDays(days).toString();
    }
}
