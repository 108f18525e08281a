package org.tredegar.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.SharedInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** The spine: a request submitted to one service becomes work in the others, over the real broker. */
class RequestToNotificationFlowIT {
    final RunningPlatform platform = RunningPlatform.get();

    @Test
    void aRequestWithAContactBecomesANotificationIntentAndShowsInTheCoordinatorsQueue() {
        String id = given().contentType(ContentType.JSON).body("""
                        {"category":"medication-pickup","urgency":"urgent","description":"Prescription ready at the chemist",
                         "location":{"lat":51.7731,"lon":-3.2470},"contact":{"channel":"sms","value":"+44 7700 900456"},
                         "language":"cy"}""")
                .when().post(platform.url("requests") + "/api/v1/requests")
                .then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).until(() -> count("notifications",
                "SELECT count(*) FROM notifications WHERE recipient_ref = '" + id + "' AND kind = 'request-received'") == 1);

        given().auth().oauth2(platform.token("coordinator.tredegar"))
                .when().get(platform.url("requests") + "/api/v1/hubs/tredegar/requests?limit=500")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(platform.token("coordinator.ebbw-vale"))
                .when().get(platform.url("requests") + "/api/v1/hubs/tredegar/requests")
                .then().statusCode(403);
    }

    static long count(String database, String query) {
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }
}
