package org.tredegar.volunteers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tredegar.testing.TredegarInfraResource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.volunteers.Fixtures.DB;

/**
 * A bad sign-up by code is checked exactly like an account sign-up: a 400 problem+json naming the field, and
 * nothing written — no pending sign-up, no code, no event.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class CodeSignUpBadInputTest {

    static Stream<Arguments> badSignUps() {
        return Stream.of(
                bad("no contact", b -> b.remove("contact"), "contact"),
                bad("contact by phone call", b -> b.put("contact", Map.of("channel", "phone", "value", "+44 7700 900001")), "contact.channel"),
                bad("unknown channel", b -> b.put("contact", Map.of("channel", "pigeon", "value", "+44 7700 900001")), "contact.channel"),
                bad("no value", b -> b.put("contact", Map.of("channel", "sms")), "contact.value"),
                bad("email that is not one", b -> b.put("contact", Map.of("channel", "email", "value", "not-an-address")),
                        "contact.valueFitForChannel"),
                bad("language for the code", b -> b.put("language", "welsh please"), "language"),
                bad("no name", b -> b.remove("displayName"), "displayName"),
                bad("latitude out of range", b -> b.put("location", Map.of("lat", 91.5, "lon", -3.2)), "location.lat"),
                bad("unknown skill", b -> b.put("skills", List.of("driving", "juggling")), "skills[1]"),
                bad("radius zero", b -> b.put("radiusKm", 0), "radiusKm"),
                bad("overlapping windows", b -> b.put("availability", List.of(
                        Map.of("day", "tuesday", "from", "09:00", "to", "13:00"),
                        Map.of("day", "tuesday", "from", "12:00", "to", "15:00"))), "availability[1].from"),
                bad("bad language", b -> b.put("languages", List.of("english please")), "languages[0]"),
                bad("bad hub", b -> b.put("hubs", List.of("Not A Slug")), "hubs[0]"),
                bad("verified skills are a coordinator's", b -> b.put("verifiedSkills", List.of("childcare")), "verifiedSkills"),
                bad("unknown field", b -> b.put("income", 1200), "income"),
                bad("weekly limit zero", b -> b.put("limits", Map.of("maxTasksPerWeek", 0)), "limits.maxTasksPerWeek"));
    }

    static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
        return Arguments.of(name, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUps")
    void badSignUpsAreNamedAndNothingIsWritten(String name, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = CodeSignUpTest.codeSignUp(Fixtures.freshHub(), "sms", CodeSignUpTest.phone());
        change.accept(body);
        long signUps = DB.count("SELECT count(*) FROM volunteer_sign_ups");
        long codes = DB.count("SELECT count(*) FROM one_time_codes");
        long outbox = DB.count("SELECT count(*) FROM outbox");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/volunteers/sign-ups")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/invalid-request"))
                .body("errors.field", hasItem(field));
        assertThat(DB.count("SELECT count(*) FROM volunteer_sign_ups")).isEqualTo(signUps);
        assertThat(DB.count("SELECT count(*) FROM one_time_codes")).isEqualTo(codes);
        assertThat(DB.count("SELECT count(*) FROM outbox")).isEqualTo(outbox);
    }
}
