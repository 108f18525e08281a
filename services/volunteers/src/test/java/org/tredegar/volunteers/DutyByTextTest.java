package org.tredegar.volunteers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tredegar.volunteers.Fixtures.DB;
import static org.tredegar.volunteers.Fixtures.as;

/** People who work by text only switch duty with "OFF" / "ON", relayed by the notifications service. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class DutyByTextTest {
    static final double LAT = 51.7727;
    static final double LON = -3.2470;

    @Test
    void anSmsVolunteerGoesOffDutyAndBackByTextAndMatchingHearsOfIt() {
        String hub = Fixtures.freshHub();
        Map<String, Object> body = Fixtures.signUp(hub, LAT, LON);
        body.put("contact", Map.of("channel", "sms", "value", "+44 7700 900612"));
        body.put("languages", List.of("cy", "en"));
        String id = as(TestTokens.coordinator(hub)).body(body).when().post("/api/v1/volunteers")
                .then().statusCode(201).extract().path("id");
        String notifications = TestTokens.service("notifications-service");

        // Written differently from how it was registered: the keyed hash ignores spacing.
        as(notifications).body(Map.of("channel", "sms", "value", "+447700900612", "onDuty", false))
                .when().put("/api/v1/volunteers/duty-by-contact").then().statusCode(200)
                .body("volunteerId", equalTo(id)).body("onDuty", equalTo(false)).body("language", equalTo("cy"));
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE id = ?::uuid AND NOT on_duty", id)).isEqualTo(1);

        as(notifications).body(Map.of("channel", "sms", "value", "+44 7700 900612", "onDuty", true))
                .when().put("/api/v1/volunteers/duty-by-contact").then().statusCode(200).body("onDuty", equalTo(true));

        String availabilityChanged = EventCatalog.of(VolunteerAvailabilityChanged.class).type();
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.VOLUNTEERS, Duration.ofSeconds(30),
                seen -> seen.stream().filter(r -> id.equals(r.key())
                        && availabilityChanged.equals(KafkaTestClient.header(r, "ce_type"))).count() >= 3);
        List<Boolean> changes = records.stream().filter(r -> id.equals(r.key())
                        && availabilityChanged.equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> EventJson.read(r.value(), VolunteerAvailabilityChanged.class).onDuty()).toList();
        assertThat(changes).containsExactly(true, false, true); // on duty from the start, then off, then on
    }

    @Test
    void onlyAServiceMaySwitchByContactAndAnUnknownNumberIsNotFound() {
        String notifications = TestTokens.service("notifications-service");
        as(notifications).body(Map.of("channel", "sms", "value", "+44 7700 900000", "onDuty", false))
                .when().put("/api/v1/volunteers/duty-by-contact").then().statusCode(404)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        as(TestTokens.coordinator(Fixtures.freshHub())).body(Map.of("channel", "sms", "value", "+44 7700 900612", "onDuty", false))
                .when().put("/api/v1/volunteers/duty-by-contact").then().statusCode(403);
        as(notifications).body(Map.of("channel", "fax", "value", "+44", "onDuty", false))
                .when().put("/api/v1/volunteers/duty-by-contact").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("channel"));
        as(notifications).body(Map.of("channel", "sms", "value", "+44 7700 900612"))
                .when().put("/api/v1/volunteers/duty-by-contact").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("onDuty"));
    }
}
