package org.tredegar.e2e;

import org.tredegar.testing.WholePlatform;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.Topics;
import org.tredegar.testing.KafkaTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plants a recognisable phone number and email in requests, lets them flow through every service, and then looks
 * for them everywhere they must never be: every topic's records and headers, and every service's log.
 */
class PersonalDataStaysOutIT {
    static final String PHONE = "+44 7700 900987";
    static final String PHONE_DIGITS = "7700900987";
    static final String EMAIL = "planted.person@pii-canary.invalid";

    final WholePlatform platform = WholePlatform.get();

    @Test
    void plantedContactDetailsAppearInNoEventAndNoLog() throws Exception {
        String withPhone = submit("{\"channel\":\"sms\",\"value\":\"" + PHONE + "\"}");
        String withEmail = submit("{\"channel\":\"email\",\"value\":\"" + EMAIL + "\"}");
        // Bad input that echoes the value must not leak it into an error body either.
        given().contentType(ContentType.JSON).body(body("{\"channel\":\"sms\",\"value\":\"" + EMAIL + "\"}"))
                .when().post(platform.url("requests") + "/api/v1/requests")
                .then().statusCode(400).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(EMAIL)));

        await().atMost(Duration.ofSeconds(60)).until(() -> RequestToNotificationFlowIT.count(
                RequestToNotificationFlowIT.NOTIFICATIONS,
                "SELECT count(*) FROM notifications WHERE recipient_ref::text IN (?, ?)", withPhone, withEmail) == 2);

        for (String topic : List.of(Topics.REQUESTS, Topics.VOLUNTEERS, Topics.LOGISTICS, Topics.NOTIFICATIONS)) {
            for (ConsumerRecord<String, byte[]> record : KafkaTestClient.read(topic, Duration.ofSeconds(5), seen -> false)) {
                String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                StringBuilder headers = new StringBuilder();
                record.headers().forEach(h -> headers.append(new String(h.value(), StandardCharsets.UTF_8)));
                assertThat(clean(value + headers)).as("record on " + topic).doesNotContain(PHONE_DIGITS).doesNotContain(EMAIL);
            }
        }
        for (var entry : platform.logs.entrySet()) {
            String log = Files.readString(entry.getValue(), StandardCharsets.UTF_8);
            assertThat(clean(log)).as(entry.getKey() + " log").doesNotContain(PHONE_DIGITS).doesNotContain(EMAIL);
        }
    }

    String submit(String contact) {
        return given().contentType(ContentType.JSON).body(body(contact))
                .when().post(platform.url("requests") + "/api/v1/requests")
                .then().statusCode(202).extract().path("id");
    }

    static String body(String contact) {
        return "{\"category\":\"warmth\",\"urgency\":\"urgent\",\"description\":\"Heater broke, need blankets\","
                + "\"location\":{\"lat\":51.7725,\"lon\":-3.2465},\"contact\":" + contact + ",\"language\":\"en\"}";
    }

    static String clean(String text) {
        return text.replaceAll("[\\s()-]", "");
    }
}
