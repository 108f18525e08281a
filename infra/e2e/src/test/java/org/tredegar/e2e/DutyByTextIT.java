package org.tredegar.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * A volunteer without an account, registered by a coordinator with a phone number, texts OFF and ON. The SMS webhook
 * of the notifications service asks the volunteers service, with its own service token from Keycloak, to switch the
 * duty of whoever has that number (found by the keyed hash both services share). The services' own tests stand one
 * another in with an HTTP stub; here they meet.
 */
class DutyByTextIT {
    final RunningPlatform platform = RunningPlatform.get();

    @Test
    void offAndOnByTextSwitchTheVolunteersDutyAndAStrangerIsNotAnswered() {
        // Numbers from the range set aside for drama (07700 900000–900999): nobody's real phone.
        String phone = "+44 7700 900" + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 999));
        String volunteerId = given().auth().oauth2(platform.token("coordinator.tredegar")).contentType(ContentType.JSON)
                .body("""
                        {"displayName":"Texts only","hubs":["tredegar"],"location":{"lat":51.7731,"lon":-3.2470},
                         "radiusKm":5,"skills":["driving"],"languages":["es"],"onDuty":true,
                         "contact":{"channel":"sms","value":"%s"}}""".formatted(phone))
                .when().post(platform.url("volunteers") + "/api/v1/volunteers")
                .then().statusCode(201).extract().path("id");
        assertThat(onDuty(volunteerId)).isEqualTo(1);

        // Texted as the provider forwards it: the number without spaces, the word in any case and with punctuation.
        text(phone.replace(" ", ""), " off. ").then().statusCode(200).body(containsString("fuera de servicio"));
        assertThat(onDuty(volunteerId)).isZero();

        text(phone, "ON").then().statusCode(200).body(containsString("<Message>"));
        assertThat(onDuty(volunteerId)).isEqualTo(1);

        // Someone the network does not know gets no answer, and nobody's duty changes.
        text("+44 7700 900999", "OFF").then().statusCode(200).body(not(containsString("<Message>")));
        assertThat(onDuty(volunteerId)).isEqualTo(1);
    }

    private io.restassured.response.Response text(String from, String body) {
        return given().contentType(ContentType.URLENC).formParam("From", from).formParam("Body", body)
                .when().post(platform.url("notifications") + "/api/v1/channels/sms/inbound");
    }

    private static long onDuty(String volunteerId) {
        return RequestToNotificationFlowIT.count(RequestToNotificationFlowIT.VOLUNTEERS,
                "SELECT count(*) FROM volunteers WHERE id::text = ? AND on_duty", volunteerId);
    }
}
