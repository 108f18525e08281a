package org.tredegar.sandbox;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/** Texting the platform as a phone: delivered to its inbound webhook as the provider does, and its answer kept. */
@QuarkusTest
@WithTestResource(PlatformStub.class)
class InboundTextsTest {
    static final String HUB = "+447700900100";

    @PlatformStub.Inject
    PlatformStub platform;

    @Test
    void aTextIsDeliveredSignedAndTheTwimlAnswerIsRecordedAsOut() throws Exception {
        String phone = "+447700900601";
        platform.reply("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>What do you need? 1 shopping, 2 "
                + "prescriptions</Message></Response>");

        String id = given().contentType(ContentType.JSON)
                .body(Map.of("from", phone, "to", HUB, "body", "need shopping, can't get out"))
                .post("/api/messages")
                .then().statusCode(202).body("id", matchesPattern("SM[0-9a-f]{32}")).extract().path("id");

        PlatformStub.Call call = await().atMost(Duration.ofSeconds(5))
                .until(() -> platform.calls(c -> id.equals(c.form().get("MessageSid"))), calls -> calls.size() == 1).get(0);
        assertThat(call.path()).isEqualTo("/inbound");
        assertThat(call.form()).containsEntry("From", phone).containsEntry("To", HUB)
                .containsEntry("Body", "need shopping, can't get out").containsEntry("NumMedia", "0")
                .containsEntry("AccountSid", MessagesApiTest.ACCOUNT);
        assertThat(call.signature()).isEqualTo(Signatures.expected(platform.url("/inbound"), call.form()));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().queryParam("from", phone).get("/api/messages")
                .then().body("[0].status", equalTo("delivered")));
        List<Map<String, Object>> conversation = given().queryParam("to", phone).get("/api/messages")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(conversation).singleElement().satisfies(reply -> assertThat(reply)
                .containsEntry("direction", "out").containsEntry("from", HUB).containsEntry("to", phone)
                .containsEntry("body", "What do you need? 1 shopping, 2 prescriptions"));
    }

    @Test
    void aFailingWebhookIsRecordedInTheStatusNeverAsASandboxError() {
        String phone = "+447700900602";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("from", phone, "to", PlatformStub.BROKEN_NUMBER, "body", "hello?"))
                .post("/api/messages").then().statusCode(202).extract().path("id");

        // That number has its own inbound URL (sandbox.numbers."+447700900300".inbound-url), which answers 503.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().queryParam("from", phone).get("/api/messages")
                .then().statusCode(200).body("[0].id", equalTo(id)).body("[0].status", equalTo("failed: 503")));
        assertThat(platform.calls(c -> id.equals(c.form().get("MessageSid")))).extracting(PlatformStub.Call::path)
                .containsExactly("/broken");
    }

    @Test
    void badInputIsAProblemAndNothingIsDelivered() {
        String phone = "+447700900603";
        given().contentType(ContentType.JSON).body(Map.of("to", HUB, "body", "x"))
                .post("/api/messages")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem("from"));
        given().contentType(ContentType.JSON).body(Map.of("from", "07700 900603", "to", HUB, "body", "x"))
                .post("/api/messages").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().contentType(ContentType.JSON).body(Map.of("from", phone, "to", "hub", "body", "x"))
                .post("/api/messages").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().contentType(ContentType.JSON).body(Map.of("from", phone, "to", HUB, "body", ""))
                .post("/api/messages").then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body(Map.of("from", phone, "to", HUB, "body", "x".repeat(1601)))
                .post("/api/messages").then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body(Map.of("from", phone, "to", HUB, "body", 42))
                .post("/api/messages").then().statusCode(400).body("errors[0].message", equalTo("must be a string"));
        given().contentType(ContentType.JSON).body("{not json").post("/api/messages")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[]").post("/api/messages").then().statusCode(400);
        given().contentType(ContentType.JSON).post("/api/messages").then().statusCode(400);
        given().queryParam("since", "last tuesday").get("/api/messages")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("since"));

        assertThat(given().queryParam("from", phone).get("/api/messages").then().extract().jsonPath().getList("$")).isEmpty();
        assertThat(platform.calls(c -> phone.equals(c.form().get("From")))).isEmpty();
    }

    @Test
    void aLongTextInAnyScriptAndSpacesOnlyAreTheMessagesPlatformToCopeWith() {
        String phone = "+447700900604";
        String welsh = "Dw i angen help 🙏 — ".repeat(40);
        given().contentType(ContentType.JSON).body(Map.of("from", phone, "to", HUB, "body", welsh))
                .post("/api/messages").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("from", phone, "to", HUB, "body", "   "))
                .post("/api/messages").then().statusCode(202);

        await().atMost(Duration.ofSeconds(5)).until(() -> platform.calls(c -> phone.equals(c.form().get("From"))).size() == 2);
        assertThat(platform.calls(c -> phone.equals(c.form().get("From")))).extracting(c -> c.form().get("Body"))
                .containsExactlyInAnyOrder(welsh, "   ");
    }

    @Test
    void theListFiltersByNumberAndTimeOldestFirst() {
        String phone = "+447700900605";
        Instant before = Instant.now();
        String first = given().contentType(ContentType.JSON).body(Map.of("from", phone, "to", HUB, "body", "one"))
                .post("/api/messages").then().statusCode(202).extract().path("id");
        String second = given().contentType(ContentType.JSON).body(Map.of("from", phone, "to", HUB, "body", "two"))
                .post("/api/messages").then().statusCode(202).extract().path("id");

        assertThat(given().queryParam("from", phone).queryParam("since", before.toString()).get("/api/messages")
                .then().statusCode(200).extract().jsonPath().getList("id")).containsExactly(first, second);
        assertThat(given().queryParam("from", phone).queryParam("since", Instant.now().plusSeconds(60).toString())
                .get("/api/messages").then().extract().jsonPath().getList("id")).isEmpty();
        // "+" unencoded in a query string arrives as a space; the sandbox reads it as the "+" it was.
        assertThat(given().urlEncodingEnabled(false).get("/api/messages?from=+447700900605")
                .then().extract().jsonPath().getList("id")).containsExactly(first, second);
    }
}
