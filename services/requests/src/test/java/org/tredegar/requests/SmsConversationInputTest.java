package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.testing.TredegarInfraResource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;
import static org.tredegar.requests.Texts.send;
import static org.tredegar.requests.Texts.text;

/** The texts endpoint's edges: who may call it, a message handed on twice, texts of every shape, hub numbers. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class SmsConversationInputTest {
    @Inject
    ContactCipher cipher;

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void aCoordinatorMayNotHandOnTexts() {
        String from = Texts.newNumber();
        send(Texts.messageId(), from, Texts.TREDEGAR, "need food").statusCode(403)
                .contentType(startsWith("application/problem+json"));
        assertThat(Texts.intakeOf(cipher, from)).isNull();
    }

    @Test
    void anonymousCallersMayNot() {
        String from = Texts.newNumber();
        send(Texts.messageId(), from, Texts.TREDEGAR, "need food").statusCode(401)
                .contentType(startsWith("application/problem+json"));
        // Not a 404: who asks is checked before anything is looked up.
        send(Texts.messageId(), from, "+447700900999", "need food").statusCode(401);
        assertThat(Texts.intakeOf(cipher, from)).isNull();
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void theSameMessageIdGetsTheFirstAnswerAndChangesNothing() {
        String from = Texts.newNumber();
        String first = Texts.messageId();
        send(first, from, Texts.TREDEGAR, "hello?").statusCode(200).body("outcome", equalTo("asked-what"));
        String second = Texts.messageId();
        Map<String, Object> answer = send(second, from, Texts.TREDEGAR, "1, Castle Street").statusCode(200)
                .body("outcome", equalTo("submitted")).extract().jsonPath().getMap("");
        send(second, from, Texts.TREDEGAR, "1, Castle Street").statusCode(200).body("", equalTo(answer));
        send(first, from, Texts.TREDEGAR, "hello?").statusCode(200).body("outcome", equalTo("asked-what"))
                .body("choices", hasItem("groceries"));
        assertThat(Texts.requestsOf(cipher, from)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("id", UUID.fromString((String) answer.get("requestId")))
                        .containsEntry("description", "hello?"));
        assertThat(TestRequests.outboxTypes(UUID.fromString((String) answer.get("requestId")))).containsExactly("RequestSubmitted");
        assertThat(DB.count("SELECT count(*) FROM sms_messages WHERE message_id IN (?, ?)", first, second)).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void anEmptyOrEmojiOnlyTextIsAnUnclearAnswerNeverAnError() {
        String from = Texts.newNumber();
        text(from, "").body("outcome", equalTo("asked-what"));
        assertThat(Texts.intakeOf(cipher, from)).containsEntry("step", "asked-what").containsEntry("description", "");
        text(from, "   ").body("outcome", equalTo("asked-what"));
        text(from, "🙏🙏").body("outcome", equalTo("asked-where"));
        text(from, "🏠").body("outcome", equalTo("asked-where"));
        text(from, "").body("outcome", equalTo("submitted"));
        assertThat(Texts.requestsOf(cipher, from)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("category", "other").containsEntry("description", "(a text message with no words)"));

        String other = Texts.newNumber();
        send(Texts.messageId(), other, Texts.TREDEGAR, null).statusCode(200).body("outcome", equalTo("asked-what"));
        String emoji = Texts.newNumber();
        text(emoji, "😢😢😢").body("outcome", equalTo("asked-what"));
        assertThat(Texts.intakeOf(cipher, emoji)).containsEntry("description", "😢😢😢");
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void longTextsAndAnyScriptAreTaken() {
        String arabic = Texts.newNumber();
        text(arabic, "ar: أحتاج إلى الطعام لعائلتي").body("outcome", equalTo("asked-where")).body("language", equalTo("ar"));
        text(arabic, "NP22 4AB").body("outcome", equalTo("submitted"));
        assertThat(Texts.requestsOf(cipher, arabic)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("category", "groceries").containsEntry("description", "أحتاج إلى الطعام لعائلتي"));

        String longest = Texts.newNumber();
        text(longest, "a".repeat(1600)).body("outcome", equalTo("asked-what"));
        text(Texts.newNumber(), "🙂".repeat(1600)).body("outcome", equalTo("asked-what"));
        send(Texts.messageId(), Texts.newNumber(), Texts.TREDEGAR, "a".repeat(1601)).statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("bodyShortEnough"));
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void missingOrMalformedSenderOrMessageIdIsNamed() {
        send(Texts.messageId(), null, Texts.TREDEGAR, "help").statusCode(400).body("errors.field", hasItem("from"));
        send(Texts.messageId(), "call me", Texts.TREDEGAR, "help").statusCode(400).body("errors.field", hasItem("from"));
        send(Texts.messageId(), "07700900123", Texts.TREDEGAR, "help").statusCode(400).body("errors.field", hasItem("from"));
        send(null, Texts.newNumber(), Texts.TREDEGAR, "help").statusCode(400).body("errors.field", hasItem("messageId"));
        send("not an id!", Texts.newNumber(), Texts.TREDEGAR, "help").statusCode(400).body("errors.field", hasItem("messageId"));
        send(Texts.messageId(), Texts.newNumber(), null, "help").statusCode(400).body("errors.field", hasItem("to"));
        given().contentType("application/json").body("{\"messageId\":\"SM1\",\"from\":\"+447700900123\",\"to\":\"+447700900100\",\"x\":1}")
                .post(Texts.PATH).then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "notifications", roles = "service")
    void aNumberNoHubHasIs404AndTheHubIsTheNumberTexted() {
        String from = Texts.newNumber();
        send(Texts.messageId(), from, "+447700900999", "need food").statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/hub-not-found"));
        assertThat(Texts.intakeOf(cipher, from)).isNull();

        send(Texts.messageId(), from, Texts.EBBW_VALE, "need food, Market Street").statusCode(200)
                .body("outcome", equalTo("submitted")).body("hubSlug", equalTo("ebbw-vale"))
                .body("hubId", equalTo(HubIds.idOf("ebbw-vale").toString()));
        assertThat(Texts.requestsOf(cipher, from)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("hub_id", HubIds.idOf("ebbw-vale")).containsEntry("area", "Market Street"));
    }

    @Test
    void hubsListTheirSmsNumbers() {
        given().get("/api/v1/hubs").then().statusCode(200)
                .body("find { it.slug == 'tredegar' }.smsNumber", equalTo("+447700900100"))
                .body("find { it.slug == 'ebbw-vale' }.smsNumber", equalTo("+447700900200"))
                .body("find { it.slug == 'tredegar' }.areas[0].landmarks.name", hasItem("Bedwellty Park"));
        given().get("/api/v1/hubs/ebbw-vale").then().statusCode(200).body("smsNumber", equalTo("+447700900200"));
    }

    @Test
    void aHubNumberMustBeE164AndOneHubs() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DB.update(
                "UPDATE hubs SET sms_number = '07700 900100' WHERE slug = 'tredegar'")).hasStackTraceContaining("check");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DB.update(
                "UPDATE hubs SET sms_number = '+447700900100' WHERE slug = 'ebbw-vale'")).hasStackTraceContaining("unique");
    }
}
