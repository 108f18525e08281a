package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestUpdated;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.sms.TwilioSignature;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;

/** The SMS channel, as the gateway calls it: signed form posts, answered with TwiML. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class SmsInboundTest {
    static final String PATH = "/api/v1/channels/sms/inbound";
    static final String TOKEN = "test-sms-auth-token";

    @Inject
    ContactCipher cipher;

    static String newNumber() {
        return "+44770" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    static ValidatableResponse sms(String from, String body) {
        Map<String, List<String>> params = Map.of("From", List.of(from), "Body", List.of(body),
                "To", List.of("+441495000000"), "MessageSid", List.of("SM" + UUID.randomUUID().toString().replace("-", "")));
        String url = RestAssured.baseURI + ":" + RestAssured.port + PATH;
        var request = given().contentType(ContentType.URLENC)
                .header("X-Twilio-Signature", TwilioSignature.sign(TOKEN, url, params));
        for (var p : params.entrySet()) {
            request = request.formParam(p.getKey(), p.getValue().get(0));
        }
        return request.when().post(PATH).then();
    }

    List<Map<String, Object>> requestsOf(String from) {
        return DB.rows("SELECT id, category, urgency, status, language, channel, description FROM help_requests "
                + "WHERE contact_hash = ? ORDER BY submitted_at", cipher.lookupHash("sms", from));
    }

    @Test
    void firstMessageOpensARequestInTheSendersLanguage() {
        String from = newNumber();
        sms(from, "es: Necesito comida para mis hijos").statusCode(200)
                .contentType(startsWith("application/xml")).body(containsString("<Response/>"));
        var rows = requestsOf(from);
        assertThat(rows).hasSize(1);
        var row = rows.get(0);
        assertThat(row).containsEntry("category", "other").containsEntry("urgency", "routine")
                .containsEntry("status", "submitted").containsEntry("language", "es").containsEntry("channel", "sms")
                .containsEntry("description", "Necesito comida para mis hijos");
        UUID id = (UUID) row.get("id");
        assertThat(DB.value("SELECT channel FROM request_contacts WHERE request_id = ?", id)).isEqualTo("sms");
        assertThat(DB.value("SELECT hub_id FROM help_requests WHERE id = ?", id)).isEqualTo(HubIds.idOf("tredegar"));
        var record = TestRequests.published(id, RequestSubmitted.class);
        assertThat(new String(record.value())).contains("\"channel\":\"sms\"").doesNotContain(from.substring(3));
    }

    @Test
    void messageWithoutPrefixUsesTheDefaultLanguage() {
        String from = newNumber();
        sms(from, "Could someone pick up my prescription?").statusCode(200);
        assertThat(requestsOf(from)).singleElement().satisfies(r -> assertThat(r).containsEntry("language", "en"));
    }

    @Test
    void repliesWhileOpenAppendToTheRequest() {
        String from = newNumber();
        sms(from, "I need food this week").statusCode(200);
        sms(from, "Two adults, one baby").statusCode(200);
        var rows = requestsOf(from);
        assertThat(rows).hasSize(1);
        assertThat((String) rows.get(0).get("description")).isEqualTo("I need food this week\nTwo adults, one baby");
        UUID id = (UUID) rows.get(0).get("id");
        assertThat(TestRequests.outboxTypes(id)).containsExactly("RequestSubmitted", "RequestUpdated");
        TestRequests.published(id, RequestUpdated.class);
    }

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void yesAfterFulfilledReopensAsTheFollowUpAnswer() {
        String from = newNumber();
        sms(from, "Need a lift to the surgery").statusCode(200);
        UUID id = (UUID) requestsOf(from).get(0).get("id");
        TestRequests.publish(new OfferAccepted(UUID.randomUUID(), id, UUID.randomUUID(), UUID.randomUUID(),
                HubIds.idOf("tredegar"), Instant.now()));
        TestRequests.awaitStatus(id, "matched");
        given().contentType(ContentType.JSON).post("/api/v1/requests/" + id + "/fulfil").then().statusCode(200);

        sms(from, "YES").statusCode(200);
        assertThat(TestRequests.status(id)).isEqualTo("triaged");
        assertThat(requestsOf(from)).hasSize(1);
        assertThat(TestRequests.outboxTypes(id)).endsWith("RequestFulfilled", "RequestReopened");
        assertThat(DB.value("SELECT actor FROM request_transitions WHERE request_id = ? ORDER BY id DESC LIMIT 1", id))
                .isEqualTo("requester");
    }

    @Test
    void unsignedOrForgedMessagesAreRefused() {
        String from = newNumber();
        given().contentType(ContentType.URLENC).formParam("From", from).formParam("Body", "help")
                .when().post(PATH).then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.URLENC).formParam("From", from).formParam("Body", "help")
                .header("X-Twilio-Signature", TwilioSignature.sign("wrong-token", RestAssured.baseURI + ":" + RestAssured.port + PATH,
                        Map.of("From", List.of(from), "Body", List.of("help"))))
                .when().post(PATH).then().statusCode(403).body("type", equalTo("https://tredegar.org/problems/forbidden"));
        assertThat(requestsOf(from)).isEmpty();
    }

    @Test
    void emptyBodyOrBadSenderIsNamed() {
        String from = newNumber();
        sms(from, " ").statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem("Body"));
        sms("not-a-number", "help").statusCode(400).body("errors.field", hasItem("From"));
        assertThat(requestsOf(from)).isEmpty();
    }
}
