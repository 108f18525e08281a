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
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;
import org.tredegar.volunteers.config.DemoVolunteers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.tredegar.volunteers.Fixtures.DB;
import static org.tredegar.volunteers.Fixtures.as;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class RegistryTest {

    @Test
    void selfSignUpIsIdempotentPerAccountAndUsesTheTokenSubjectAsId() {
        String hub = Fixtures.freshHub();
        UUID sub = UUID.randomUUID();
        Map<String, Object> body = Fixtures.signUp(hub, 51.7730, -3.2460);
        body.put("languages", List.of("en", "cy"));
        body.put("availability", List.of(Map.of("day", "monday", "from", "09:00", "to", "12:00"),
                Map.of("day", "monday", "from", "12:00", "to", "24:00")));
        String token = TestTokens.volunteer(sub, hub);
        as(token).body(body).when().post("/api/v1/volunteers")
                .then().statusCode(201).body("id", equalTo(sub.toString()))
                .body("location.lat", equalTo(51.773f)).body("smsOnly", equalTo(false))
                .body("availability.to", contains("12:00", "24:00"));
        body.put("displayName", "Someone else entirely");
        as(token).body(body).when().post("/api/v1/volunteers")
                .then().statusCode(200).body("id", equalTo(sub.toString())).body("displayName", equalTo("Test volunteer"));
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE id = ?", sub)).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.VOLUNTEERS, Duration.ofSeconds(30),
                seen -> seen.stream().filter(r -> sub.toString().equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, byte[]>> mine = records.stream().filter(r -> sub.toString().equals(r.key())).toList();
        // Registered once (the second sign-up changed nothing); on duty from the start, so also announced available.
        assertThat(mine).extracting(r -> KafkaTestClient.header(r, "ce_type")).containsExactly(
                EventCatalog.of(VolunteerRegistered.class).type(), EventCatalog.of(VolunteerAvailabilityChanged.class).type());
        assertThat(EventJson.read(mine.get(1).value(), VolunteerAvailabilityChanged.class).onDuty()).isTrue();
        VolunteerRegistered event = EventJson.read(mine.get(0).value(), VolunteerRegistered.class);
        assertThat(event.hubId()).isEqualTo(HubIds.idOf(hub));
        assertThat(event.languages()).containsExactly("en", "cy");
        assertThat(new String(mine.get(0).value())).doesNotContain("Test volunteer");
    }

    @Test
    void profileCanBeReadAndChangedAndDutyToggled() {
        String hub = Fixtures.freshHub();
        UUID sub = Fixtures.volunteer(Fixtures.signUp(hub, 51.7730, -3.2460));
        String token = TestTokens.volunteer(sub, hub);
        as(token).when().get("/api/v1/volunteers/me").then().statusCode(200).body("radiusKm", equalTo(5.0f));
        as(token).body(Map.of("radiusKm", 12.5, "skills", List.of("cooking", "van"), "limits", Map.of("maxTasksPerWeek", 2, "restHours", 12)))
                .when().patch("/api/v1/volunteers/me").then().statusCode(200)
                .body("radiusKm", equalTo(12.5f)).body("skills", contains("cooking", "van"))
                .body("limits.maxTasksPerWeek", equalTo(2)).body("limits.restHours", equalTo(12));
        as(token).body(Map.of("onDuty", false)).when().put("/api/v1/volunteers/me/duty")
                .then().statusCode(200).body("onDuty", equalTo(false));
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE id = ? AND NOT on_duty AND radius_km = 12.5", sub)).isEqualTo(1);

        String availabilityChanged = EventCatalog.of(VolunteerAvailabilityChanged.class).type();
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.VOLUNTEERS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> sub.toString().equals(r.key())
                        && availabilityChanged.equals(KafkaTestClient.header(r, "ce_type"))));
        List<Boolean> onDuty = records.stream()
                .filter(r -> sub.toString().equals(r.key()) && availabilityChanged.equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> EventJson.read(r.value(), VolunteerAvailabilityChanged.class).onDuty()).toList();
        // On duty from sign-up, then switched off.
        assertThat(onDuty).containsExactly(true, false);
    }

    @Test
    void coordinatorRegistersSomeoneWithoutAnAccountByPhoneSealedAndIdempotent() {
        String hub = Fixtures.freshHub();
        Map<String, Object> body = Fixtures.signUp(hub, 51.7730, -3.2460);
        body.put("contact", Map.of("channel", "sms", "value", "+44 7700 900555"));
        body.put("skills", List.of("childcare"));
        body.put("verifiedSkills", List.of("childcare"));
        String coordinator = TestTokens.coordinator(hub);
        String id = as(coordinator).body(body).when().post("/api/v1/volunteers")
                .then().statusCode(201).body("smsOnly", equalTo(true)).body("verifiedSkills", contains("childcare"))
                .extract().path("id");
        body.put("contact", Map.of("channel", "sms", "value", "+447700900555"));
        as(coordinator).body(body).when().post("/api/v1/volunteers").then().statusCode(200).body("id", equalTo(id));
        assertThat(DB.count("SELECT count(*) FROM volunteer_contacts WHERE volunteer_id = ?::uuid", id)).isEqualTo(1);
        assertThat(DB.count("SELECT count(*) FROM volunteer_contacts WHERE volunteer_id = ?::uuid "
                + "AND position('900555' in encode(ciphertext, 'escape')) > 0", id)).isZero();
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE subject_id = ? AND action = 'volunteer.registered'", id))
                .isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.VOLUNTEERS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())));
        String payload = new String(records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value());
        assertThat(payload).doesNotContain("7700").doesNotContain("900555").contains("\"smsOnly\":true");
    }

    @Test
    void coordinatorOfAnotherHubCannotRegisterHere() {
        Map<String, Object> body = Fixtures.signUp(Fixtures.freshHub(), 51.7730, -3.2460);
        body.put("contact", Map.of("channel", "email", "value", "someone@example.org"));
        as(TestTokens.coordinator("elsewhere")).body(body).when().post("/api/v1/volunteers").then().statusCode(403);
    }

    @Test
    void onlyCoordinatorsVerifySkills() {
        String hub = Fixtures.freshHub();
        Map<String, Object> body = Fixtures.signUp(hub, 51.7730, -3.2460);
        body.put("skills", List.of("childcare", "cooking"));
        body.put("verifiedSkills", List.of("childcare"));
        UUID sub = UUID.randomUUID();
        as(TestTokens.volunteer(sub, hub)).body(body).when().post("/api/v1/volunteers").then().statusCode(403);
        body.remove("verifiedSkills");
        as(TestTokens.volunteer(sub, hub)).body(body).when().post("/api/v1/volunteers").then().statusCode(201);

        as(TestTokens.coordinator("elsewhere")).body(Map.of("verifiedSkills", List.of("childcare")))
                .when().put("/api/v1/volunteers/" + sub + "/verified-skills").then().statusCode(403);
        as(TestTokens.coordinator(hub)).body(Map.of("verifiedSkills", List.of("cooking")))
                .when().put("/api/v1/volunteers/" + sub + "/verified-skills").then().statusCode(400)
                .body("errors[0].field", equalTo("verifiedSkills[0]"));
        as(TestTokens.coordinator(hub)).body(Map.of("verifiedSkills", List.of("childcare")))
                .when().put("/api/v1/volunteers/" + sub + "/verified-skills").then().statusCode(200)
                .body("verifiedSkills", contains("childcare"));
        as(TestTokens.volunteer(sub, hub)).body(Map.of("verifiedSkills", List.of("childcare")))
                .when().patch("/api/v1/volunteers/me").then().statusCode(400);
    }

    @Test
    void demoVolunteerIsHandedToItsLoginByUsername() {
        UUID keycloakSub = UUID.randomUUID();
        String token = TestTokens.token(keycloakSub, "volunteer.tredegar", List.of("volunteer"), "tredegar");
        as(token).when().get("/api/v1/volunteers/me").then().statusCode(200)
                .body("id", equalTo(keycloakSub.toString()))
                .body("radiusKm", equalTo(5.0f)).body("languages", contains("en", "cy"))
                .body("skills", org.hamcrest.Matchers.hasItem("driving")).body("onDuty", equalTo(true))
                .body("limits.maxTasksPerWeek", org.hamcrest.Matchers.nullValue());
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE id = ?", DemoVolunteers.VOLUNTEER_TREDEGAR)).isZero();
        // Another login with the same username cannot take it over again.
        as(TestTokens.token(UUID.randomUUID(), "volunteer.tredegar", List.of("volunteer"), "tredegar"))
                .when().get("/api/v1/volunteers/me").then().statusCode(404);
    }
}
