package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.requests.v1.OneTimeCodeIssued;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.requests.domain.ContactErasure;
import org.tredegar.requests.domain.OneTimeCodeCleanup;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;

/**
 * "Erase my contact now" codes reach the person: OneTimeCodeIssued (no code, no contact) tells notifications, which
 * fetches code and contact with its service token, audited; the code then erases the contact, and is gone after.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class OneTimeCodeDeliveryTest {
    static final String CODES = "/api/v1/one-time-codes/";

    @Inject
    OneTimeCodeCleanup cleanup;
    @Inject
    ContactErasure erasure;

    record Requested(UUID requestId, String track, String phone, UUID codeId) {
    }

    /** A request with an SMS contact whose person asked to erase it: a code is waiting for delivery. */
    static Requested codeRequested() {
        String phone = Texts.newNumber();
        var accepted = given().contentType(ContentType.JSON).body(DuplicatesTest.groceriesFrom(phone))
                .post("/api/v1/requests").then().statusCode(202).extract();
        UUID id = UUID.fromString(accepted.path("id"));
        String track = "/api/v1/requests/track/" + accepted.path("trackingCode") + "/contact";
        given().delete(track).then().statusCode(202).body("status", equalTo("code-requested"));
        return new Requested(id, track, phone, liveCode(id));
    }

    static UUID liveCode(UUID requestId) {
        return (UUID) DB.value("SELECT code_id FROM one_time_codes WHERE request_id = ? AND ended_at IS NULL", requestId);
    }

    static boolean sealedCodeKept(UUID codeId) {
        return (Boolean) DB.value("SELECT sealed_code IS NOT NULL AND nonce IS NOT NULL AND key_id IS NOT NULL "
                + "FROM one_time_codes WHERE code_id = ?", codeId);
    }

    static long contactReads(UUID requestId) {
        return ContactAccessTest.contactReads(requestId);
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void notificationsFetchesTheCodeWhichThenErasesTheContact() {
        Requested r = codeRequested();
        ConsumerRecord<String, byte[]> record = TestRequests.published(r.requestId(), OneTimeCodeIssued.class);
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo(EventCatalog.of(OneTimeCodeIssued.class).source());
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(r.requestId().toString());
        OneTimeCodeIssued event = EventJson.read(record.value(), OneTimeCodeIssued.class);
        assertThat(event.codeId()).isEqualTo(r.codeId());
        assertThat(event.requestId()).isEqualTo(r.requestId());
        assertThat(event.hubId()).isEqualTo(HubIds.idOf("tredegar"));
        assertThat(event.purpose()).isEqualTo(OneTimeCodeIssued.ERASE_REQUEST);
        assertThat(event.language()).isEqualTo("en");

        String code = given().get(CODES + event.codeId()).then().statusCode(200)
                .body("channel", equalTo("sms"))
                .body("value", equalTo(r.phone()))
                .body("code", matchesPattern("[0-9]{6}"))
                .body("language", equalTo("en"))
                .body("purpose", equalTo("erase-request"))
                .body("expiresAt", notNullValue())
                .extract().path("code");

        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(payload).as("the event carries neither the code nor the contact")
                .doesNotContain(code).doesNotContain(r.phone().substring(3));
        record.headers().forEach(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8))
                .doesNotContain(code).doesNotContain(r.phone().substring(3)));
        byte[] sealed = (byte[]) DB.value("SELECT sealed_code FROM one_time_codes WHERE code_id = ?", r.codeId());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).as("kept sealed, not in plain").doesNotContain(code);

        var audit = DB.rows("SELECT actor, detail FROM audit_log WHERE action = 'contact-read' AND subject_id = ?",
                r.requestId().toString());
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("actor", "service:notifications");
            assertThat((String) row.get("detail")).contains("one-time-code=" + r.codeId()).doesNotContain(code)
                    .doesNotContain(r.phone().substring(3));
        });

        given().header("Erasure-Code", code).delete(r.track()).then().statusCode(204);
        assertThat(DB.count("SELECT count(*) FROM request_contacts WHERE request_id = ?", r.requestId())).isZero();
        assertThat(sealedCodeKept(r.codeId())).as("a used code is wiped").isFalse();
        given().get(CODES + r.codeId()).then().statusCode(410).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/one-time-code-gone"));
        assertThat(contactReads(r.requestId())).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void expiredCodesAreGoneAndWiped() {
        Requested fetched = codeRequested();
        DB.update("UPDATE one_time_codes SET expires_at = now() - interval '1 second' WHERE code_id = ?", fetched.codeId());
        given().get(CODES + fetched.codeId()).then().statusCode(410).contentType(startsWith("application/problem+json"));
        assertThat(sealedCodeKept(fetched.codeId())).as("wiped by the fetch that found it expired").isFalse();

        Requested left = codeRequested();
        DB.update("UPDATE one_time_codes SET expires_at = now() - interval '1 second' WHERE code_id = ?", left.codeId());
        assertThat(cleanup.wipeExpired().await().indefinitely()).isGreaterThanOrEqualTo(1);
        assertThat(sealedCodeKept(left.codeId())).as("wiped by the scheduled pass").isFalse();
        given().get(CODES + left.codeId()).then().statusCode(410);

        assertThat(contactReads(fetched.requestId()) + contactReads(left.requestId())).isZero();
        assertThat(DB.count("SELECT count(*) FROM request_contacts WHERE request_id IN (?, ?)",
                fetched.requestId(), left.requestId())).as("the contacts stay until erased").isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void aNewCodeReplacesTheOldOneAndUnknownCodesAre404() {
        Requested r = codeRequested();
        given().delete(r.track()).then().statusCode(202);
        UUID second = liveCode(r.requestId());
        assertThat(second).isNotEqualTo(r.codeId());
        assertThat(TestRequests.outboxTypes(r.requestId())).containsExactly("RequestSubmitted", "OneTimeCodeIssued",
                "OneTimeCodeIssued");
        assertThat(sealedCodeKept(r.codeId())).isFalse();
        given().get(CODES + r.codeId()).then().statusCode(410);
        given().get(CODES + second).then().statusCode(200).body("value", equalTo(r.phone()));

        given().get(CODES + UUID.randomUUID()).then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().get(CODES + "not-a-uuid").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void theScheduledContactErasureTakesPendingCodesWithIt() throws Throwable {
        Requested r = codeRequested();
        DB.update("UPDATE help_requests SET status = 'cancelled', closed_at = now() - interval '31 days' WHERE id = ?",
                r.requestId());
        erasure.eraseDueNow();
        assertThat(DB.count("SELECT count(*) FROM request_contacts WHERE request_id = ?", r.requestId())).isZero();
        assertThat(sealedCodeKept(r.codeId())).isFalse();
        given().get(CODES + r.codeId()).then().statusCode(410);
        assertThat(contactReads(r.requestId())).isZero();
    }

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void hubCoordinatorsMayNotFetchCodes() {
        assertRefused(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = {"admin", "operator"})
    void adminsAndOperatorsMayNotFetchCodes() {
        assertRefused(403);
    }

    @Test
    @TestSecurity(user = "partner-demo", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void partnersMayNotFetchCodes() {
        assertRefused(403);
    }

    @Test
    void anonymousCallersMayNotFetchCodes() {
        assertRefused(401);
    }

    private static void assertRefused(int status) {
        Requested r = codeRequested();
        given().get(CODES + r.codeId()).then().statusCode(status).contentType(startsWith("application/problem+json"));
        assertThat(contactReads(r.requestId())).isZero();
        assertThat(sealedCodeKept(r.codeId())).as("still deliverable").isTrue();
        assertThat(DB.rows("SELECT 1 FROM contact_erasure_codes WHERE request_id = ?", r.requestId())).hasSize(1);
    }
}
