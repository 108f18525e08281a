package org.tredegar.e2e;

import org.tredegar.testing.WholePlatform;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.Db;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** The spine: a request submitted to one service becomes work in the others, over the real broker. */
class RequestToNotificationFlowIT {
    final WholePlatform platform = WholePlatform.get();

    @Test
    void aRequestWithAContactBecomesANotificationIntentAndShowsInTheCoordinatorsQueue() {
        String id = given().contentType(ContentType.JSON).body("""
                        {"category":"medication-pickup","urgency":"urgent","description":"Prescription ready at the chemist",
                         "location":{"lat":51.7731,"lon":-3.2470},"contact":{"channel":"sms","value":"+44 7700 900456"},
                         "language":"cy"}""")
                .when().post(platform.url("requests") + "/api/v1/requests")
                .then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).until(() -> count(NOTIFICATIONS,
                "SELECT count(*) FROM notifications WHERE recipient_ref::text = ? AND kind = 'request-received'", id) == 1);

        given().auth().oauth2(platform.token("coordinator.tredegar"))
                .when().get(platform.url("requests") + "/api/v1/hubs/tredegar/requests?limit=500")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(platform.token("coordinator.ebbw-vale"))
                .when().get(platform.url("requests") + "/api/v1/hubs/tredegar/requests")
                .then().statusCode(403);
    }

    static final Db NOTIFICATIONS = Db.of("notifications");
    static final Db VOLUNTEERS = Db.of("volunteers");

    /** A count, or -1 while the service has not created its tables yet (it migrates when it starts). */
    static long count(Db db, String query, Object... params) {
        try {
            return db.count(query, params);
        } catch (IllegalStateException e) {
            return -1;
        }
    }
}
