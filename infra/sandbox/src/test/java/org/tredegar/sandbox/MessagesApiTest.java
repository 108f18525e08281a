package org.tredegar.sandbox;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** The provider's Messages API as the platform's SMS adapter uses it: basic auth, form in, the provider's JSON out. */
@QuarkusTest
@WithTestResource(PlatformStub.class)
class MessagesApiTest {
    static final String ACCOUNT = "ACtredegarlocalsandbox";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    static RequestSpecification asPlatform() {
        return given().auth().preemptive().basic(ACCOUNT, Signatures.AUTH_TOKEN);
    }

    @Test
    void aSentTextIsAnswered201InTheProvidersShapeAndListedAsOut() {
        String to = "+447700900401";
        asPlatform().formParam("To", to).formParam("From", "+447700900100").formParam("Body", "A neighbour can help")
                .when().post(MESSAGES)
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("sid", matchesPattern("SM[0-9a-f]{32}"))
                .body("status", equalTo("queued"))
                .body("to", equalTo(to))
                .body("from", equalTo("+447700900100"))
                .body("body", equalTo("A neighbour can help"))
                .body("account_sid", equalTo(ACCOUNT))
                .body("direction", equalTo("outbound-api"))
                .body("date_created", matchesPattern("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"));

        List<Map<String, Object>> texts = given().queryParam("to", to).get("/api/messages")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(texts).singleElement().satisfies(text -> {
            assertThat(text).containsEntry("direction", "out").containsEntry("from", "+447700900100")
                    .containsEntry("body", "A neighbour can help");
            assertThat((String) text.get("id")).startsWith("SM");
            assertThat((String) text.get("at")).endsWith("Z");
        });
        // No StatusCallback given: the text is still delivered, only nobody is told.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().queryParam("to", to).get("/api/messages")
                .then().body("[0].status", equalTo("delivered")));
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstMessageAndSendsNothingMore() {
        String to = "+447700900402";
        String first = asPlatform().header("Idempotency-Key", "notification-402")
                .formParam("To", to).formParam("From", "Tredegar").formParam("Body", "first")
                .post(MESSAGES).then().statusCode(201).extract().path("sid");
        String again = asPlatform().header("Idempotency-Key", "notification-402")
                .formParam("To", to).formParam("From", "Tredegar").formParam("Body", "first")
                .post(MESSAGES).then().statusCode(201).body("body", equalTo("first")).extract().path("sid");
        String other = asPlatform().header("Idempotency-Key", "notification-402b")
                .formParam("To", to).formParam("From", "Tredegar").formParam("Body", "second")
                .post(MESSAGES).then().statusCode(201).extract().path("sid");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(given().queryParam("to", to).get("/api/messages").then().extract().jsonPath().getList("id"))
                .containsExactly(first, other);
    }

    @Test
    void aWrongTokenOrNoLoginIsRefusedTheProvidersWay() {
        String to = "+447700900403";
        given().auth().preemptive().basic(ACCOUNT, "not-the-token")
                .formParam("To", to).formParam("From", "Tredegar").formParam("Body", "x")
                .post(MESSAGES)
                .then().statusCode(401).header("WWW-Authenticate", notNullValue())
                .body("code", equalTo(20003)).body("status", equalTo(401));
        given().formParam("To", to).formParam("From", "Tredegar").formParam("Body", "x")
                .post(MESSAGES).then().statusCode(401).body("code", equalTo(20003));
        given().auth().preemptive().basic(ACCOUNT, Signatures.AUTH_TOKEN)
                .formParam("To", to).formParam("From", "Tredegar").formParam("Body", "x")
                .post("/2010-04-01/Accounts/ACsomeoneelse/Messages.json").then().statusCode(404).body("code", equalTo(20404));
        asPlatform().get(MESSAGES.replace(ACCOUNT, "ACsomeoneelse")).then().statusCode(404);

        assertThat(given().queryParam("to", to).get("/api/messages").then().extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void aNumberThatIsNotE164IsError21211AndNothingIsSent() {
        asPlatform().formParam("To", "07700 900404").formParam("From", "Tredegar").formParam("Body", "x")
                .post(MESSAGES)
                .then().statusCode(400).body("code", equalTo(21211))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/21211"));
        asPlatform().formParam("From", "Tredegar").formParam("Body", "x")
                .post(MESSAGES).then().statusCode(400).body("code", equalTo(21604));
        asPlatform().formParam("To", "+447700900404").formParam("From", "Tredegar")
                .post(MESSAGES).then().statusCode(400).body("code", equalTo(21602));
        asPlatform().formParam("To", "+447700900404").formParam("From", "Tredegar").formParam("Body", "x".repeat(1601))
                .post(MESSAGES).then().statusCode(400).body("code", equalTo(21617));

        assertThat(given().queryParam("to", "+447700900404").get("/api/messages").then().extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void aRefusedNumberIsError21610() {
        asPlatform().formParam("To", "+447700900777").formParam("From", "Tredegar").formParam("Body", "x")
                .post(MESSAGES).then().statusCode(400).body("code", equalTo(21610));
    }

    @Test
    void theMessageListFindsAMessageInDoubtByNumberAndDay() {
        String to = "+447700900405";
        String sid = asPlatform().formParam("To", to).formParam("From", "Tredegar").formParam("Body", "in doubt")
                .post(MESSAGES).then().statusCode(201).extract().path("sid");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        // As the adapter asks: To, DateSent> (on or after), PageSize.
        asPlatform().queryParam("To", to).queryParam("DateSent>", today).queryParam("PageSize", "100")
                .get(MESSAGES)
                .then().statusCode(200)
                .body("messages.size()", equalTo(1))
                .body("messages[0].sid", equalTo(sid))
                .body("messages[0].body", equalTo("in doubt"))
                .body("messages[0].to", equalTo(to))
                .body("messages[0].status", notNullValue())
                .body("next_page_uri", equalTo(null));
        asPlatform().queryParam("To", to).queryParam("DateSent>", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())
                .get(MESSAGES).then().statusCode(200).body("messages.size()", equalTo(0));
        asPlatform().queryParam("DateSent>", "yesterday").get(MESSAGES).then().statusCode(400).body("code", equalTo(20001));

        asPlatform().get("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + sid + ".json")
                .then().statusCode(200).body("sid", equalTo(sid)).body("body", equalTo("in doubt"));
        asPlatform().get("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/SMnothere.json").then().statusCode(404);
    }
}
