package org.tredegar.volunteers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tredegar.testing.TredegarInfraResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.volunteers.Fixtures.DB;
import static org.tredegar.volunteers.Fixtures.as;

/** Every bad sign-up or profile change is a 400 problem+json naming the field, and leaves nothing behind. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class RegistryBadInputTest {

    static Stream<Arguments> badSignUps() {
        return Stream.of(
                bad("latitude out of range", b -> b.put("location", Map.of("lat", 91.5, "lon", -3.2)), "location.lat"),
                bad("longitude out of range", b -> b.put("location", Map.of("lat", 51.7, "lon", -181)), "location.lon"),
                bad("no coordinates", b -> b.put("location", Map.of("area", "Georgetown")), "location.lat"),
                bad("unknown skill", b -> b.put("skills", List.of("driving", "juggling")), "skills[1]"),
                bad("radius zero", b -> b.put("radiusKm", 0), "radiusKm"),
                bad("radius negative", b -> b.put("radiusKm", -3), "radiusKm"),
                bad("radius absurd", b -> b.put("radiusKm", 5000), "radiusKm"),
                bad("overlapping windows", b -> b.put("availability", List.of(
                        Map.of("day", "tuesday", "from", "09:00", "to", "13:00"),
                        Map.of("day", "tuesday", "from", "12:00", "to", "15:00"))), "availability[1].from"),
                bad("window ends before it starts", b -> b.put("availability", List.of(
                        Map.of("day", "friday", "from", "18:00", "to", "09:00"))), "availability[0].to"),
                bad("not a weekday", b -> b.put("availability", List.of(
                        Map.of("day", "someday", "from", "09:00", "to", "10:00"))), "availability[0].day"),
                bad("not a time", b -> b.put("availability", List.of(
                        Map.of("day", "monday", "from", "9am", "to", "10:00"))), "availability[0].from"),
                bad("bad language", b -> b.put("languages", List.of("english please")), "languages[0]"),
                bad("no languages", b -> b.put("languages", List.of()), "languages"),
                bad("bad hub", b -> b.put("hubs", List.of("Not A Slug")), "hubs[0]"),
                bad("unknown field", b -> b.put("income", 1200), "income"),
                bad("weekly limit zero", b -> b.put("limits", Map.of("maxTasksPerWeek", 0)), "limits.maxTasksPerWeek"),
                bad("rest hours absurd", b -> b.put("limits", Map.of("restHours", 1000)), "limits.restHours"));
    }

    static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
        return Arguments.of(name, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUps")
    void badSignUpsAreNamedAndNothingIsWritten(String name, Consumer<Map<String, Object>> change, String field) {
        String hub = Fixtures.freshHub();
        Map<String, Object> body = Fixtures.signUp(hub, 51.7730, -3.2460);
        change.accept(body);
        long volunteers = DB.count("SELECT count(*) FROM volunteers");
        long outbox = DB.count("SELECT count(*) FROM outbox");
        as(TestTokens.volunteer(UUID.randomUUID(), hub)).body(body)
                .when().post("/api/v1/volunteers")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/invalid-request"))
                .body("errors.field", hasItem(field));
        assertThat(DB.count("SELECT count(*) FROM volunteers")).isEqualTo(volunteers);
        assertThat(DB.count("SELECT count(*) FROM outbox")).isEqualTo(outbox);
    }

    @Test
    void badProfileChangesLeaveTheProfileAsItWas() {
        String hub = Fixtures.freshHub();
        UUID id = Fixtures.volunteer(Fixtures.signUp(hub, 51.7730, -3.2460));
        String token = TestTokens.volunteer(id, hub);
        String stored = "SELECT concat(radius_km, '|', skills, '|', availability, '|', version) FROM volunteers WHERE id = ?";
        Object before = DB.value(stored, id);
        as(token).body(Map.of("radiusKm", 250)).when().patch("/api/v1/volunteers/me")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem("radiusKm"));
        as(token).body(Map.of("skills", List.of("astrology"))).when().patch("/api/v1/volunteers/me")
                .then().statusCode(400).body("errors.field", hasItem("skills[0]"));
        as(token).body(Map.of("radiusKm", 7, "availability", List.of(
                        Map.of("day", "sunday", "from", "10:00", "to", "12:00"),
                        Map.of("day", "sunday", "from", "11:59", "to", "13:00"))))
                .when().patch("/api/v1/volunteers/me")
                .then().statusCode(400).body("errors.field", hasItem("availability[1].from"));
        as(token).body(Map.of("location", Map.of("lat", -95, "lon", 0))).when().patch("/api/v1/volunteers/me")
                .then().statusCode(400).body("errors.field", hasItem("location.lat"));
        assertThat(DB.value(stored, id)).isEqualTo(before);
    }

    @Test
    void coordinatorRegistrationWithoutContactIsRefused() {
        String hub = Fixtures.freshHub();
        Map<String, Object> body = Fixtures.signUp(hub, 51.7730, -3.2460);
        body.put("contact", Map.of("channel", "sms", "value", "not a phone"));
        as(TestTokens.coordinator(hub)).body(body).when().post("/api/v1/volunteers")
                .then().statusCode(400).body("errors.field", hasItem("contact.valueFitForChannel"));
    }

    @Test
    void withoutATokenNothingIsOpen() {
        io.restassured.RestAssured.given().contentType("application/json").body(Fixtures.signUp("tredegar", 51.77, -3.24))
                .when().post("/api/v1/volunteers").then().statusCode(401);
        io.restassured.RestAssured.given().when().get("/api/v1/volunteers/me").then().statusCode(401);
    }
}
