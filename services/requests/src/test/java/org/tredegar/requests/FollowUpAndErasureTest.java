package org.tredegar.requests;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.requests.v1.FollowUpDue;
import org.tredegar.contracts.requests.v1.OneTimeCodeIssued;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.code.OneTimeCodes;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.requests.domain.ContactErasure;
import org.tredegar.requests.domain.FollowUpJob;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;

/** After the help: one follow-up question, a reply that reopens, and contacts that do not outlive the need. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
@TestSecurity(user = "coord-t", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
class FollowUpAndErasureTest {
    static final String PLANTED_CODE = "424242";

    @Inject
    FollowUpJob followUps;
    @Inject
    ContactErasure erasure;
    @Inject
    OneTimeCodes codes;

    /** Submitted, matched by a volunteer event, fulfilled by the coordinator; returns {id, trackingCode}. */
    static String[] fulfilledRequest() {
        String body = DuplicatesTest.groceriesFrom(Texts.newNumber());
        var accepted = given().contentType(ContentType.JSON).body(body).post("/api/v1/requests").then().statusCode(202).extract();
        UUID id = UUID.fromString(accepted.path("id"));
        TestRequests.publish(new OfferAccepted(UUID.randomUUID(), id, UUID.randomUUID(), UUID.randomUUID(), HubIds.idOf("tredegar"), Instant.now()));
        TestRequests.awaitStatus(id, "matched");
        given().contentType(ContentType.JSON).post("/api/v1/requests/" + id + "/fulfil").then().statusCode(200);
        return new String[]{id.toString(), accepted.path("trackingCode")};
    }

    static long followUpsFor(UUID id) {
        return DB.count("SELECT count(*) FROM outbox WHERE message_key = ? AND type = ?", id.toString(),
                TestRequests.typeOf(FollowUpDue.class));
    }

    @Test
    void followUpIsDueOnceAfterFulfilment() throws Exception {
        UUID id = UUID.fromString(fulfilledRequest()[0]);
        assertThat(DB.value("SELECT follow_up_at > now() + interval '71 hours' FROM help_requests WHERE id = ?", id)).isEqualTo(true);
        Jobs.concurrently(3, followUps::runOnce);
        assertThat(followUpsFor(id)).as("not before its time").isZero();

        DB.update("UPDATE help_requests SET follow_up_at = now() - interval '1 second' WHERE id = ?", id);
        Jobs.concurrently(3, followUps::runOnce);
        Jobs.concurrently(3, followUps::runOnce);
        assertThat(followUpsFor(id)).isEqualTo(1);
        assertThat(DB.value("SELECT follow_up_at FROM help_requests WHERE id = ?", id)).isNull();
        FollowUpDue event = EventJson.read(TestRequests.published(id, FollowUpDue.class).value(), FollowUpDue.class);
        assertThat(event.language()).isEqualTo("en");
        assertThat(event.hubId()).isEqualTo(HubIds.idOf("tredegar"));
    }

    @Test
    void trackingReplyReopensOrCloses() {
        String[] yes = fulfilledRequest();
        given().contentType(ContentType.JSON).body("{\"stillNeedHelp\":true}")
                .post("/api/v1/requests/track/" + yes[1] + "/follow-up").then().statusCode(200).body("status", equalTo("triaged"));
        assertThat(TestRequests.outboxTypes(UUID.fromString(yes[0]))).endsWith("RequestFulfilled", "RequestReopened");
        given().contentType(ContentType.JSON).body("{\"stillNeedHelp\":true}")
                .post("/api/v1/requests/track/" + yes[1] + "/follow-up").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("type", equalTo("https://tredegar.org/problems/not-fulfilled"));

        String[] no = fulfilledRequest();
        given().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/requests/track/" + no[1] + "/follow-up").then().statusCode(400).body("errors.field", hasItem("stillNeedHelp"));
        given().contentType(ContentType.JSON).body("{\"stillNeedHelp\":false}")
                .post("/api/v1/requests/track/" + no[1] + "/follow-up").then().statusCode(200).body("status", equalTo("closed"));
    }

    @Test
    void scheduledErasureRemovesOldContactsAndKeepsTheRequest() throws Throwable {
        UUID old = TestRequests.submit(DuplicatesTest.groceriesFrom(Texts.newNumber()));
        UUID recent = TestRequests.submit(DuplicatesTest.groceriesFrom(Texts.newNumber()));
        UUID open = TestRequests.submit(DuplicatesTest.groceriesFrom(Texts.newNumber()));
        for (UUID id : new UUID[]{old, recent}) {
            given().contentType(ContentType.JSON).body("{\"reason\":\"no longer needed\"}").post("/api/v1/requests/" + id + "/cancel")
                    .then().statusCode(200);
        }
        DB.update("UPDATE help_requests SET closed_at = now() - interval '31 days' WHERE id = ?", old);
        DB.update("UPDATE help_requests SET submitted_at = now() - interval '40 days' WHERE id = ?", open);

        erasure.eraseDueNow();

        assertThat(DB.count("SELECT count(*) FROM request_contacts WHERE request_id = ?", old)).isZero();
        assertThat(DB.rows("SELECT contact_hash, category, urgency, status FROM help_requests WHERE id = ?", old))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("contact_hash", null)
                        .containsEntry("category", "groceries").containsEntry("status", "cancelled"));
        given().get("/api/v1/requests/" + old + "/contact").then().statusCode(404).contentType(startsWith("application/problem+json"));
        for (UUID kept : new UUID[]{recent, open}) {
            assertThat(DB.count("SELECT count(*) FROM request_contacts WHERE request_id = ?", kept)).isEqualTo(1);
            assertThat(DB.value("SELECT contact_hash FROM help_requests WHERE id = ?", kept)).isNotNull();
        }
    }

    /** The next one-time codes are {@link #PLANTED_CODE}, so the test can send back the right one. */
    void plantCode() {
        OneTimeCodes real = ClientProxy.unwrap(codes);
        QuarkusMock.installMockForType(new OneTimeCodes() {
            @Override
            public String newCode() {
                return PLANTED_CODE;
            }

            @Override
            public String hash(String scope, String code) {
                return real.hash(scope, code);
            }

            @Override
            public boolean matches(String keptHash, String scope, String answer) {
                return real.matches(keptHash, scope, answer);
            }

            @Override
            public ContactCipher.Sealed seal(UUID codeId, String code) {
                return real.seal(codeId, code);
            }

            @Override
            public String open(UUID codeId, ContactCipher.Sealed sealed) {
                return real.open(codeId, sealed);
            }
        }, OneTimeCodes.class);
    }

    @Test
    void personErasesTheirContactWithAOneTimeCode() {
        plantCode();
        String phone = Texts.newNumber();
        var accepted = given().contentType(ContentType.JSON).body(DuplicatesTest.groceriesFrom(phone))
                .post("/api/v1/requests").then().statusCode(202).extract();
        UUID id = UUID.fromString(accepted.path("id"));
        String track = "/api/v1/requests/track/" + accepted.path("trackingCode") + "/contact";
        long eventsBefore = TestRequests.outboxTypes(id).size();

        given().delete(track).then().statusCode(202).body("status", equalTo("code-requested")).body("expiresAt", notNullValue());
        String stored = (String) DB.value("SELECT code_hash FROM contact_erasure_codes WHERE request_id = ?", id);
        assertThat(stored).isNotBlank().doesNotContain(PLANTED_CODE);
        assertThat(TestRequests.outboxTypes(id)).as("only the notice that a code is waiting is emitted")
                .hasSize((int) eventsBefore + 1).endsWith("OneTimeCodeIssued");
        assertThat((String) DB.value("SELECT payload FROM outbox WHERE message_key = ? AND type = ?", id.toString(),
                TestRequests.typeOf(OneTimeCodeIssued.class)))
                .as("nothing personal is emitted").doesNotContain(PLANTED_CODE).doesNotContain(phone.substring(3));

        given().header("Erasure-Code", "111111").delete(track).then().statusCode(403).contentType(startsWith("application/problem+json"));
        assertThat(DB.count("SELECT attempts FROM contact_erasure_codes WHERE request_id = ?", id)).isEqualTo(1);
        given().header("Erasure-Code", "12ab").delete(track).then().statusCode(400);
        assertThat(DB.count("SELECT count(*) FROM request_contacts WHERE request_id = ?", id)).isEqualTo(1);

        given().header("Erasure-Code", PLANTED_CODE).delete(track).then().statusCode(204);
        assertThat(DB.count("SELECT count(*) FROM request_contacts WHERE request_id = ?", id)).isZero();
        assertThat(DB.count("SELECT count(*) FROM contact_erasure_codes WHERE request_id = ?", id)).isZero();
        assertThat(DB.value("SELECT contact_hash FROM help_requests WHERE id = ?", id)).isNull();
        assertThat(DB.value("SELECT actor FROM audit_log WHERE action = 'contact-erased' AND subject_id = ?", id.toString()))
                .isEqualTo("requester");
        given().get("/api/v1/requests/" + id + "/contact").then().statusCode(404);
        given().delete(track).then().statusCode(404);
        given().header("Erasure-Code", PLANTED_CODE).delete(track).then().statusCode(403);
    }

    @Test
    void fiveWrongCodesVoidTheCode() {
        plantCode();
        var accepted = given().contentType(ContentType.JSON).body(DuplicatesTest.groceriesFrom(Texts.newNumber()))
                .post("/api/v1/requests").then().statusCode(202).extract();
        String track = "/api/v1/requests/track/" + accepted.path("trackingCode") + "/contact";
        given().delete(track).then().statusCode(202);
        for (int i = 0; i < ContactErasure.MAX_ATTEMPTS; i++) {
            given().header("Erasure-Code", "00000" + i).delete(track).then().statusCode(403);
        }
        given().header("Erasure-Code", PLANTED_CODE).delete(track).then().statusCode(403);
        assertThat(DB.count("SELECT count(*) FROM request_contacts WHERE request_id = ?", UUID.fromString(accepted.path("id")))).isEqualTo(1);
    }
}
