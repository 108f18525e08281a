package org.tredegar.volunteers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.volunteers.Fixtures.DB;
import static org.tredegar.volunteers.Fixtures.as;

/**
 * Sign-up with just a phone number or email, confirmed by a one-time code: no account, real PostgreSQL and Kafka,
 * and the notifications service's part played with a real signed service token.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class CodeSignUpTest {
    static final double LAT = 51.7727;
    static final double LON = -3.2467;
    static final String TOPIC = Topics.VOLUNTEERS;
    static final String PROBLEMS = "https://tredegar.org/problems/";

    @Test
    void signUpByPhoneThenConfirmCreatesAnSmsVolunteerWhoIsOfferedWorkAndReachedByText() throws IOException {
        String hub = Fixtures.freshHub();
        String phone = phone();
        Map<String, Object> body = codeSignUp(hub, "sms", phone);
        body.put("language", "cy");
        ExtractableResponse<Response> accepted = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/volunteers/sign-ups")
                .then().statusCode(202).body("signUpId", notNullValue()).body("expiresAt", notNullValue()).extract();
        String signUpId = accepted.path("signUpId");
        assertThat(Instant.parse(accepted.path("expiresAt"))).isBetween(Instant.now().plus(Duration.ofMinutes(14)),
                Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(DB.count("SELECT count(*) FROM volunteer_sign_ups WHERE id = ?::uuid "
                + "AND position(? in encode(ciphertext, 'escape')) = 0", signUpId, digits(phone))).isEqualTo(1);

        // The event says which code to fetch, never the code or the contact.
        ConsumerRecord<String, byte[]> record = codeIssued(signUpId, 1).get(0);
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(EventCatalog.of(OneTimeCodeIssued.class).type());
        OneTimeCodeIssued issued = EventJson.read(record.value(), OneTimeCodeIssued.class);
        assertThat(issued.signUpId()).isEqualTo(UUID.fromString(signUpId));
        assertThat(issued.hubId()).isEqualTo(HubIds.idOf(hub));
        assertThat(issued.purpose()).isEqualTo("confirm-sign-up");
        assertThat(issued.language()).isEqualTo("cy");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new ObjectMapper().readValue(record.value(), Map.class);
        assertThat(fields).containsOnlyKeys("codeId", "signUpId", "hubId", "purpose", "language", "expiresAt", "occurredAt");
        assertThat(new String(record.value())).doesNotContain(digits(phone).substring(4)).doesNotContain("Code volunteer");

        // The notifications service fetches code and number with its own token; the read is audited by id.
        String notifications = TestTokens.service("notifications-service");
        String code = as(notifications).when().get("/api/v1/one-time-codes/" + issued.codeId())
                .then().statusCode(200).body("channel", equalTo("sms")).body("value", equalTo(phone))
                .body("language", equalTo("cy")).body("purpose", equalTo("confirm-sign-up"))
                .body("expiresAt", notNullValue()).body("code", matchesPattern("[0-9]{6}")).extract().path("code");
        assertThat(new String(record.value())).doesNotContain("\"" + code + "\"");
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'volunteer.one-time-code-read' AND subject_id = ? "
                + "AND actor = 'service:notifications-service' AND hub_id = ?", issued.codeId().toString(), HubIds.idOf(hub)))
                .isEqualTo(1);
        // Only the keyed hash and a sealed copy are stored, never the code as it is.
        assertThat(DB.count("SELECT count(*) FROM one_time_codes WHERE id = ? AND code_hash <> ? "
                + "AND position(? in encode(ciphertext, 'escape')) = 0", issued.codeId(), code, code)).isEqualTo(1);

        String volunteerId = given().contentType(ContentType.JSON).body(Map.of("code", " " + code + " "))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm")
                .then().statusCode(201).body("volunteerId", notNullValue()).extract().path("volunteerId");
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE id = ?::uuid AND sms_only AND account_subject IS NULL "
                + "AND on_duty AND display_name = 'Code volunteer' AND hubs = ?", volunteerId, hub)).isEqualTo(1);
        assertThat(DB.count("SELECT count(*) FROM volunteer_contacts WHERE volunteer_id = ?::uuid AND channel = 'sms' "
                + "AND position(? in encode(ciphertext, 'escape')) = 0", volunteerId, digits(phone))).isEqualTo(1);
        // The pending copy of the profile, the contact and the code are gone; what stays is whom it became.
        assertThat(DB.count("SELECT count(*) FROM volunteer_sign_ups WHERE id = ?::uuid AND status = 'confirmed' "
                + "AND profile IS NULL AND ciphertext IS NULL AND lookup_hash IS NULL AND volunteer_id = ?::uuid",
                signUpId, volunteerId)).isEqualTo(1);
        assertThat(DB.count("SELECT count(*) FROM one_time_codes WHERE id = ? AND status = 'used' AND ciphertext IS NULL",
                issued.codeId())).isEqualTo(1);

        // Confirming again (a retry) gives the same volunteer; the used code can no longer be fetched.
        given().contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm")
                .then().statusCode(200).body("volunteerId", equalTo(volunteerId));
        as(notifications).when().get("/api/v1/one-time-codes/" + issued.codeId()).then().statusCode(410)
                .contentType(startsWith("application/problem+json"));
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE registered_by = ?", "sign-up:" + signUpId)).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> registered = KafkaTestClient.read(TOPIC, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> volunteerId.equals(r.key())));
        ConsumerRecord<String, byte[]> first = registered.stream().filter(r -> volunteerId.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(first, "ce_type")).isEqualTo(EventCatalog.of(VolunteerRegistered.class).type());
        VolunteerRegistered event = EventJson.read(first.value(), VolunteerRegistered.class);
        assertThat(event.smsOnly()).isTrue();
        assertThat(event.hubId()).isEqualTo(HubIds.idOf(hub));
        assertThat(new String(first.value())).doesNotContain(digits(phone).substring(4)).doesNotContain("Code volunteer");

        // Offers reach them: matched like anyone, and their number opened for the text.
        UUID requestId = UUID.randomUUID();
        RequestEvents.publish(RequestEvents.submitted(requestId, hub, HelpCategory.GROCERIES, LAT, LON, "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).contains(UUID.fromString(volunteerId)));
        as(notifications).when().get("/api/v1/volunteers/" + volunteerId + "/contact").then().statusCode(200)
                .body("channel", equalTo("sms")).body("value", equalTo(phone));
    }

    @Test
    void aWrongCodeIsRefusedAndCountedAndTheRightOneStillWorks() {
        String hub = Fixtures.freshHub();
        String signUpId = signUp(codeSignUp(hub, "email", "someone." + UUID.randomUUID() + "@example.org"));
        String code = fetchCode(pendingCodeId(signUpId));
        given().contentType(ContentType.JSON).body(Map.of("code", other(code)))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "wrong-one-time-code")).body("errors[0].field", equalTo("code"))
                .body("detail", org.hamcrest.Matchers.containsString("4 tries left"));
        assertThat(DB.count("SELECT attempts FROM volunteer_sign_ups WHERE id = ?::uuid", signUpId)).isEqualTo(1);
        given().contentType(ContentType.JSON).body(Map.of("code", "12ab"))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body(Map.of("code", other(code)))
                .when().post("/api/v1/volunteers/sign-ups/" + UUID.randomUUID() + "/confirm").then().statusCode(404);
        String volunteerId = confirm(signUpId, code, 201);
        assertThat(DB.count("SELECT count(*) FROM volunteer_contacts WHERE volunteer_id = ?::uuid AND channel = 'email'",
                volunteerId)).isEqualTo(1);
        // After confirmation a wrong code is still wrong, and does not reveal the volunteer.
        given().contentType(ContentType.JSON).body(Map.of("code", other(code)))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm")
                .then().statusCode(400).body("volunteerId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void fiveWrongCodesLockTheSignUpUntilANewSignUpSendsANewCode() {
        String hub = Fixtures.freshHub();
        String phone = phone();
        Map<String, Object> body = codeSignUp(hub, "sms", phone);
        String signUpId = signUp(body);
        String codeId = pendingCodeId(signUpId);
        String code = fetchCode(codeId);
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON).body(Map.of("code", other(code)))
                    .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm").then().statusCode(400);
        }
        given().contentType(ContentType.JSON).body(Map.of("code", other(code)))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm")
                .then().statusCode(429).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "sign-up-locked"));
        // Locked: even the right code no longer works, and the code can no longer be fetched.
        given().contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm").then().statusCode(429);
        as(TestTokens.service("notifications-service")).when().get("/api/v1/one-time-codes/" + codeId).then().statusCode(410);
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE registered_by = ?", "sign-up:" + signUpId)).isZero();
        assertThat(DB.count("SELECT count(*) FROM one_time_codes WHERE id = ?::uuid AND ciphertext IS NULL", codeId)).isEqualTo(1);

        // Signing up again sends a new code to the same sign-up; that one works.
        assertThat(signUp(body)).isEqualTo(signUpId);
        String newCodeId = pendingCodeId(signUpId);
        assertThat(newCodeId).isNotEqualTo(codeId);
        confirm(signUpId, fetchCode(newCodeId), 201);
    }

    @Test
    void anExpiredCodeCannotBeFetchedOrUsedAndItsSealedCopyIsWiped() {
        String hub = Fixtures.freshHub();
        String signUpId = signUp(codeSignUp(hub, "sms", phone()));
        String codeId = pendingCodeId(signUpId);
        String code = fetchCode(codeId);
        DB.update("UPDATE one_time_codes SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid", codeId);
        DB.update("UPDATE volunteer_sign_ups SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid", signUpId);
        as(TestTokens.service("notifications-service")).when().get("/api/v1/one-time-codes/" + codeId)
                .then().statusCode(410).body("type", equalTo(PROBLEMS + "one-time-code-gone"));
        given().contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm")
                .then().statusCode(410).body("type", equalTo(PROBLEMS + "one-time-code-expired"));
        // The scheduled cleanup (every second in tests) leaves only the hash of an expired code.
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("SELECT count(*) FROM one_time_codes WHERE id = ?::uuid "
                + "AND ciphertext IS NULL AND nonce IS NULL AND key_id IS NULL AND code_hash IS NOT NULL", codeId) == 1);
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE registered_by = ?", "sign-up:" + signUpId)).isZero();
        // Sign-ups long past expiry are forgotten altogether, codes and all.
        DB.update("UPDATE volunteer_sign_ups SET expires_at = now() - interval '2 days' WHERE id = ?::uuid", signUpId);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("SELECT count(*) FROM volunteer_sign_ups WHERE id = ?::uuid",
                signUpId) == 0);
        assertThat(DB.count("SELECT count(*) FROM one_time_codes WHERE sign_up_id = ?::uuid", signUpId)).isZero();
    }

    @Test
    void aSecondSignUpForTheSameContactReplacesTheCodeAndTheProfile() {
        String hub = Fixtures.freshHub();
        String phone = phone();
        Map<String, Object> first = codeSignUp(hub, "sms", phone);
        String signUpId = signUp(first);
        String oldCodeId = pendingCodeId(signUpId);
        String oldCode = fetchCode(oldCodeId);

        Map<String, Object> second = codeSignUp(hub, "sms", phone.replace(" ", ""));
        second.put("displayName", "Changed my mind");
        second.put("radiusKm", 8.0);
        assertThat(signUp(second)).isEqualTo(signUpId);
        String newCodeId = pendingCodeId(signUpId);
        assertThat(newCodeId).isNotEqualTo(oldCodeId);
        List<ConsumerRecord<String, byte[]>> events = codeIssued(signUpId, 2);
        assertThat(events.stream().map(r -> EventJson.read(r.value(), OneTimeCodeIssued.class).codeId().toString()))
                .containsExactly(oldCodeId, newCodeId);

        as(TestTokens.service("notifications-service")).when().get("/api/v1/one-time-codes/" + oldCodeId).then().statusCode(410);
        String newCode = fetchCode(newCodeId);
        if (!newCode.equals(oldCode)) {
            given().contentType(ContentType.JSON).body(Map.of("code", oldCode))
                    .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm").then().statusCode(400);
        }
        String volunteerId = confirm(signUpId, newCode, 201);
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE id = ?::uuid AND display_name = 'Changed my mind' "
                + "AND radius_km = 8", volunteerId)).isEqualTo(1);
        assertThat(DB.count("SELECT count(*) FROM volunteer_sign_ups WHERE id = ?::uuid AND codes_issued = 2", signUpId))
                .isEqualTo(1);
    }

    @Test
    void aContactThatIsAlreadyRegisteredGetsTheSameAnswerAndConfirmsToTheExistingVolunteer() {
        String hub = Fixtures.freshHub();
        String phone = phone();
        Map<String, Object> byCoordinator = Fixtures.signUp(hub, LAT, LON);
        byCoordinator.put("contact", Map.of("channel", "sms", "value", phone));
        String existing = as(TestTokens.coordinator(hub)).body(byCoordinator).when().post("/api/v1/volunteers")
                .then().statusCode(201).extract().path("id");
        long volunteers = DB.count("SELECT count(*) FROM volunteers");

        Map<String, Object> body = codeSignUp(hub, "sms", phone);
        ExtractableResponse<Response> known = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/volunteers/sign-ups").then().statusCode(202).extract();
        ExtractableResponse<Response> unknown = given().contentType(ContentType.JSON).body(codeSignUp(hub, "sms", phone()))
                .when().post("/api/v1/volunteers/sign-ups").then().statusCode(202).extract();
        assertThat(known.jsonPath().getMap("").keySet()).isEqualTo(unknown.jsonPath().getMap("").keySet());

        String signUpId = known.path("signUpId");
        String code = fetchCode(pendingCodeId(signUpId));
        given().contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm")
                .then().statusCode(200).body("volunteerId", equalTo(existing));
        assertThat(DB.count("SELECT count(*) FROM volunteers")).isEqualTo(volunteers);
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE registered_by = ?", "sign-up:" + signUpId)).isZero();
        assertThat(DB.count("SELECT count(*) FROM volunteer_sign_ups WHERE id = ?::uuid AND status = 'confirmed' "
                + "AND volunteer_id = ?::uuid", signUpId, existing)).isEqualTo(1);
    }

    @Test
    void onlyAServiceMayFetchACode() {
        String hub = Fixtures.freshHub();
        String codeId = pendingCodeId(signUp(codeSignUp(hub, "sms", phone())));
        given().when().get("/api/v1/one-time-codes/" + codeId).then().statusCode(401);
        as(TestTokens.volunteer(UUID.randomUUID(), hub)).when().get("/api/v1/one-time-codes/" + codeId).then().statusCode(403);
        as(TestTokens.coordinator(hub)).when().get("/api/v1/one-time-codes/" + codeId).then().statusCode(403);
        for (String role : List.of("operator", "admin", "partner")) {
            as(TestTokens.token(UUID.randomUUID(), role + "-user", List.of(role), hub))
                    .when().get("/api/v1/one-time-codes/" + codeId).then().statusCode(403);
        }
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'volunteer.one-time-code-read' AND subject_id = ?",
                codeId)).isZero();
        as(TestTokens.service("notifications-service")).when().get("/api/v1/one-time-codes/" + UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        fetchCode(codeId);
    }

    @Test
    void signUpAndConfirmAreLimitedPerClientAddress() {
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        String hub = Fixtures.freshHub();
        String signUpId = given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(codeSignUp(hub, "sms", phone())).when().post("/api/v1/volunteers/sign-ups")
                .then().statusCode(202).extract().path("signUpId");
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", client + ", 10.0.0.1").contentType(ContentType.JSON).body(Map.of("code", "000000"))
                    .when().post("/api/v1/volunteers/sign-ups/" + UUID.randomUUID() + "/confirm").then().statusCode(404);
        }
        long signUps = DB.count("SELECT count(*) FROM volunteer_sign_ups");
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(codeSignUp(hub, "sms", phone()))
                .when().post("/api/v1/volunteers/sign-ups")
                .then().statusCode(429).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "rate-limited"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        assertThat(DB.count("SELECT count(*) FROM volunteer_sign_ups")).isEqualTo(signUps);
        // Guessing codes is limited too; a wrong guess turned away at the door is not even counted.
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(Map.of("code", "000000"))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm").then().statusCode(429);
        assertThat(DB.count("SELECT attempts FROM volunteer_sign_ups WHERE id = ?::uuid", signUpId)).isZero();
        given().header("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255))
                .contentType(ContentType.JSON).body(codeSignUp(hub, "sms", phone()))
                .when().post("/api/v1/volunteers/sign-ups").then().statusCode(202);
    }

    @Test
    void signUpsArrivingTogetherEachGetTheirOwnCodeAndEventAndTwoForOneContactShareOneSignUp() throws Exception {
        String hub = Fixtures.freshHub();
        int people = 12;
        String twin = phone();
        ExecutorService callers = Executors.newFixedThreadPool(people + 2);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Map<String, Object> body = codeSignUp(hub, "email", "together." + i + "." + UUID.randomUUID() + "@example.org");
                started.add(callers.submit(() -> signUp(body)));
            }
            // The same person twice at the same moment (a double tap): one sign-up, the later call's code the one that works.
            Future<String> twinFirst = callers.submit(() -> signUp(codeSignUp(hub, "sms", twin)));
            Future<String> twinSecond = callers.submit(() -> signUp(codeSignUp(hub, "sms", twin)));
            List<String> signUpIds = new ArrayList<>();
            for (Future<String> f : started) {
                signUpIds.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(signUpIds).doesNotHaveDuplicates();
            String twinId = twinFirst.get(60, TimeUnit.SECONDS);
            assertThat(twinSecond.get(60, TimeUnit.SECONDS)).isEqualTo(twinId);
            assertThat(DB.count("SELECT count(*) FROM one_time_codes WHERE sign_up_id = ?::uuid", twinId)).isEqualTo(2);
            assertThat(DB.count("SELECT count(*) FROM one_time_codes WHERE sign_up_id = ?::uuid AND status = 'replaced' "
                    + "AND ciphertext IS NULL", twinId)).isEqualTo(1);
            assertThat(DB.count("SELECT count(*) FROM volunteer_sign_ups WHERE id = ?::uuid AND codes_issued = 2", twinId))
                    .isEqualTo(1);

            // Each sign-up: one pending code of its own, announced by its own event.
            Map<String, String> codeIds = new java.util.HashMap<>();
            for (String signUpId : signUpIds) {
                String codeId = pendingCodeId(signUpId);
                assertThat(codeId).isNotNull();
                codeIds.put(signUpId, codeId);
                List<ConsumerRecord<String, byte[]>> events = codeIssued(signUpId, 1);
                assertThat(events).hasSize(1);
                OneTimeCodeIssued issued = EventJson.read(events.get(0).value(), OneTimeCodeIssued.class);
                assertThat(issued.codeId()).hasToString(codeId);
                assertThat(issued.hubId()).isEqualTo(HubIds.idOf(hub));
                assertThat(DB.count("SELECT count(*) FROM volunteer_sign_ups s JOIN one_time_codes c ON c.sign_up_id = s.id "
                        + "WHERE s.id = ?::uuid AND s.expires_at = c.expires_at AND s.codes_issued = 1 "
                        + "AND c.expires_at = ?::timestamptz", signUpId, issued.expiresAt().toString())).isEqualTo(1);
            }
            assertThat(codeIds.values()).doesNotHaveDuplicates();

            // Confirmed together too: each becomes a volunteer of their own.
            List<Future<String>> confirmed = new ArrayList<>();
            for (String signUpId : signUpIds) {
                String code = fetchCode(codeIds.get(signUpId));
                confirmed.add(callers.submit(() -> confirm(signUpId, code, 201)));
            }
            List<String> volunteerIds = new ArrayList<>();
            for (Future<String> f : confirmed) {
                volunteerIds.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(volunteerIds).doesNotHaveDuplicates().doesNotContainNull();
            assertThat(DB.count("SELECT count(*) FROM volunteers WHERE hubs = ?", hub)).isEqualTo(people);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aConfirmedSignUpAnnouncesTheVolunteerAsRegisteredAndOnDutyWithTheStoredProfile() {
        String hub = Fixtures.freshHub();
        Map<String, Object> body = codeSignUp(hub, "email", "announced." + UUID.randomUUID() + "@example.org");
        body.put("languages", new ArrayList<>(List.of("cy", "en")));
        body.put("skills", new ArrayList<>(List.of("driving", "cooking")));
        body.put("limits", Map.of("maxTasksPerWeek", 3, "restHours", 12));
        body.put("availability", List.of(Map.of("day", "monday", "from", "09:00", "to", "17:00")));
        String signUpId = signUp(body);
        String volunteerId = confirm(signUpId, fetchCode(pendingCodeId(signUpId)), 201);
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE id = ?::uuid AND hubs = ? AND hub_id = ? "
                + "AND lat = 51.773 AND lon = -3.247 AND radius_km = 5 "
                + "AND skills = 'driving,cooking' AND verified_skills = '' AND languages = 'cy,en' AND on_duty AND sms_only "
                + "AND max_tasks_per_week = 3 AND rest_hours = 12 AND timezone = 'Europe/London' AND version = 0 "
                + "AND availability LIKE '%monday%' AND registered_by = ? "
                + "AND h3_fine <> 0 AND h3_coarse <> 0 AND created_at = updated_at", volunteerId, hub, HubIds.idOf(hub),
                "sign-up:" + signUpId)).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> mine = KafkaTestClient.read(TOPIC, Duration.ofSeconds(30),
                        seen -> seen.stream().filter(r -> volunteerId.equals(r.key())).count() >= 2).stream()
                .filter(r -> volunteerId.equals(r.key())).toList();
        assertThat(mine).extracting(r -> KafkaTestClient.header(r, "ce_type")).containsExactly(
                EventCatalog.of(VolunteerRegistered.class).type(), EventCatalog.of(VolunteerAvailabilityChanged.class).type());
        VolunteerRegistered registered = EventJson.read(mine.get(0).value(), VolunteerRegistered.class);
        assertThat(registered.volunteerId()).hasToString(volunteerId);
        assertThat(registered.hubId()).isEqualTo(HubIds.idOf(hub));
        assertThat(registered.skills()).containsExactly("driving", "cooking");
        assertThat(registered.languages()).containsExactly("cy", "en");
        assertThat(registered.smsOnly()).isTrue();
        VolunteerAvailabilityChanged available = EventJson.read(mine.get(1).value(), VolunteerAvailabilityChanged.class);
        assertThat(available.volunteerId()).hasToString(volunteerId);
        assertThat(available.hubId()).isEqualTo(HubIds.idOf(hub));
        assertThat(available.onDuty()).isTrue();
        assertThat(available.occurredAt()).isEqualTo(registered.occurredAt());
    }

    @Test
    void theRightCodeSentTwiceAtOnceMakesOneVolunteerAndBothAnswersNameThem() throws Exception {
        String hub = Fixtures.freshHub();
        String signUpId = signUp(codeSignUp(hub, "sms", phone()));
        String code = fetchCode(pendingCodeId(signUpId));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(callers.submit(() -> given().contentType(ContentType.JSON).body(Map.of("code", code))
                        .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm").then().extract()));
            }
            ExtractableResponse<Response> one = answers.get(0).get(60, TimeUnit.SECONDS);
            ExtractableResponse<Response> two = answers.get(1).get(60, TimeUnit.SECONDS);
            assertThat(List.of(one.statusCode(), two.statusCode())).containsExactlyInAnyOrder(201, 200);
            assertThat(one.<String>path("volunteerId")).isNotNull().isEqualTo(two.path("volunteerId"));
            assertThat(DB.count("SELECT count(*) FROM volunteers WHERE registered_by = ?", "sign-up:" + signUpId))
                    .isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    // --- helpers

    static Map<String, Object> codeSignUp(String hub, String channel, String value) {
        Map<String, Object> body = Fixtures.signUp(hub, LAT, LON);
        body.remove("onDuty");
        body.put("displayName", "Code volunteer");
        body.put("contact", Map.of("channel", channel, "value", value));
        return body;
    }

    /** A UK drama-range mobile number (never a real subscriber), different per call. */
    static String phone() {
        return String.format("+44 7700 9%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    static String signUp(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/volunteers/sign-ups")
                .then().statusCode(202).extract().path("signUpId");
    }

    static String pendingCodeId(String signUpId) {
        Object codeId = DB.value("SELECT id FROM one_time_codes WHERE sign_up_id = ?::uuid AND status = 'pending'", signUpId);
        return codeId == null ? null : codeId.toString();
    }

    static String fetchCode(String codeId) {
        return as(TestTokens.service("notifications-service")).when().get("/api/v1/one-time-codes/" + codeId)
                .then().statusCode(200).extract().path("code");
    }

    static String confirm(String signUpId, String code, int status) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/v1/volunteers/sign-ups/" + signUpId + "/confirm")
                .then().statusCode(status).extract().path("volunteerId");
    }

    /** Another six-digit code than the right one. */
    static String other(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    static List<ConsumerRecord<String, byte[]>> codeIssued(String signUpId, int count) {
        return KafkaTestClient.read(TOPIC, Duration.ofSeconds(30),
                        seen -> seen.stream().filter(r -> signUpId.equals(r.key())).count() >= count).stream()
                .filter(r -> signUpId.equals(r.key())).toList();
    }
}
