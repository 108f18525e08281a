package org.tredegar.e2e;

import org.tredegar.testing.WholePlatform;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A volunteer without an account, registered by a coordinator with a phone number, texts OFF and ON to the hub's
 * number, through the sandbox as through the real provider (signed webhooks). The SMS webhook of the notifications
 * service asks the volunteers service, with its own service token from Keycloak, to switch the duty of whoever has
 * that number (found by the keyed hash both services share); the answer comes back as a text. The services' own
 * tests stand one another in with an HTTP stub; here they meet.
 */
class DutyByTextIT {
    /** The tredegar hub's number (CONVENTIONS, demo hub numbers). */
    static final String HUB_NUMBER = "+447700900100";
    final WholePlatform platform = WholePlatform.get();

    @Test
    void offAndOnByTextSwitchTheVolunteersDutyAndAStrangerIsToldHowToUseTheNumber() {
        // Numbers from the range set aside for drama (07700 900000–900999): nobody's real phone.
        String phone = "+447700900" + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 999));
        String volunteerId = given().auth().oauth2(platform.token("coordinator.tredegar")).contentType(ContentType.JSON)
                .body("""
                        {"displayName":"Texts only","hubs":["tredegar"],"location":{"lat":51.7731,"lon":-3.2470},
                         "radiusKm":5,"skills":["driving"],"languages":["es"],"onDuty":true,
                         "contact":{"channel":"sms","value":"%s"}}""".formatted(phone))
                .when().post(platform.url("volunteers") + "/api/v1/volunteers")
                .then().statusCode(201).extract().path("id");
        assertThat(onDuty(volunteerId)).isEqualTo(1);

        // The word in any case and with punctuation.
        text(phone, " off. ");
        await().atMost(Duration.ofSeconds(30)).until(() -> repliesTo(phone).stream().anyMatch(t -> t.contains("fuera de servicio")));
        assertThat(onDuty(volunteerId)).isZero();

        text(phone, "ON");
        await().atMost(Duration.ofSeconds(30)).until(() -> repliesTo(phone).size() == 2);
        assertThat(onDuty(volunteerId)).isEqualTo(1);

        // Someone the network does not know is told how to use the number, and nobody's duty changes.
        String stranger = "+447700900999";
        String id = text(stranger, "OFF");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> repliesTo(stranger).stream()
                .anyMatch(t -> t.contains("text what you need and where")));
        assertThat(onDuty(volunteerId)).isEqualTo(1);

        // Only the provider can call the webhook: an unsigned call is refused.
        given().contentType(ContentType.URLENC).formParam("From", phone).formParam("Body", "OFF")
                .when().post(platform.url("notifications") + "/api/v1/channels/sms/inbound").then().statusCode(403);
        assertThat(onDuty(volunteerId)).isEqualTo(1);
    }

    /** Texts the tredegar hub's number as this phone, through the sandbox; the sandbox's id of the text. */
    private String text(String from, String body) {
        return given().contentType(ContentType.JSON)
                .body(java.util.Map.of("from", from, "to", HUB_NUMBER, "body", body))
                .when().post(platform.sandboxUrl() + "/api/messages")
                .then().statusCode(202).extract().path("id");
    }

    /** The texts the platform sent to this phone, oldest first. */
    private List<String> repliesTo(String phone) {
        return given().queryParam("to", phone).when().get(platform.sandboxUrl() + "/api/messages")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.direction == 'out' }.body", String.class);
    }

    /** Whether the sandbox has handed this incoming text to the platform (its status no longer received). */
    private boolean delivered(String id) {
        List<String> statuses = given().when().get(platform.sandboxUrl() + "/api/messages")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.id == '" + id + "' }.status", String.class);
        return !statuses.isEmpty() && !statuses.get(0).equals("received");
    }

    private static long onDuty(String volunteerId) {
        return RequestToNotificationFlowIT.count(RequestToNotificationFlowIT.VOLUNTEERS,
                "SELECT count(*) FROM volunteers WHERE id::text = ? AND on_duty", volunteerId);
    }
}
