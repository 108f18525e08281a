package org.tredegar.sandbox;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Delivery receipts: posted to the StatusCallback, sent then delivered, signed so the platform can trust them. */
@QuarkusTest
@WithTestResource(PlatformStub.class)
class StatusCallbackTest {
    @PlatformStub.Inject
    PlatformStub platform;

    @Test
    void receiptsArriveInOrderSignedOverTheCallbackUrl() throws Exception {
        String to = "+447700900501";
        String callback = platform.url("/status?hub=tredegar");
        String sid = MessagesApiTest.asPlatform()
                .formParam("To", to).formParam("From", "+447700900100").formParam("Body", "Your task")
                .formParam("StatusCallback", callback)
                .post(MessagesApiTest.MESSAGES).then().statusCode(201).extract().path("sid");

        List<PlatformStub.Call> receipts = await().atMost(Duration.ofSeconds(5))
                .until(() -> platform.calls(c -> sid.equals(c.form().get("MessageSid"))), calls -> calls.size() == 2);

        assertThat(receipts).extracting(c -> c.form().get("MessageStatus")).containsExactly("sent", "delivered");
        for (PlatformStub.Call receipt : receipts) {
            assertThat(receipt.path()).isEqualTo("/status");
            assertThat(receipt.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(receipt.form()).containsEntry("To", to).containsEntry("From", "+447700900100")
                    .containsEntry("AccountSid", MessagesApiTest.ACCOUNT).doesNotContainKey("ErrorCode");
            // Signed over the URL exactly as given, query included, with the test's own HMAC computation.
            assertThat(receipt.signature()).isEqualTo(Signatures.expected(callback, receipt.form()));
        }
        assertThat(Signatures.expected(callback + "x", receipts.get(0).form())).isNotEqualTo(receipts.get(0).signature());
    }

    @Test
    void anUnreachableNumberIsReportedUndeliveredWithTheProvidersErrorCode() throws Exception {
        String callback = platform.url("/status");
        String sid = MessagesApiTest.asPlatform()
                .formParam("To", "+447700900666").formParam("From", "Tredegar").formParam("Body", "Are you free?")
                .formParam("StatusCallback", callback)
                .post(MessagesApiTest.MESSAGES).then().statusCode(201).extract().path("sid");

        List<PlatformStub.Call> receipts = await().atMost(Duration.ofSeconds(5))
                .until(() -> platform.calls(c -> sid.equals(c.form().get("MessageSid"))), calls -> calls.size() == 2);

        assertThat(receipts).extracting(c -> c.form().get("MessageStatus")).containsExactly("sent", "undelivered");
        assertThat(receipts.get(1).form()).containsEntry("ErrorCode", "30003");
        assertThat(receipts.get(1).signature()).isEqualTo(Signatures.expected(callback, receipts.get(1).form()));
        MessagesApiTest.asPlatform().get("/2010-04-01/Accounts/" + MessagesApiTest.ACCOUNT + "/Messages/" + sid + ".json")
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("undelivered"))
                .body("error_code", org.hamcrest.Matchers.equalTo(30003));
    }

    @Test
    void aCallbackThatIsNotAUrlIsRefused() {
        MessagesApiTest.asPlatform()
                .formParam("To", "+447700900502").formParam("From", "Tredegar").formParam("Body", "x")
                .formParam("StatusCallback", "not a url")
                .post(MessagesApiTest.MESSAGES).then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo(21609));
    }
}
