package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.requests.domain.SmsIntakeJob;
import org.tredegar.testing.TredegarInfraResource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tredegar.requests.TestRequests.DB;
import static org.tredegar.requests.Texts.text;

/** Texts at the same moment, and a request left half-written by a crash: still one conversation, one request. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
@TestSecurity(user = "notifications", roles = "service")
class SmsConversationRecoveryTest {
    @Inject
    ContactCipher cipher;
    @Inject
    SmsIntakeJob job;

    /** Sends each text from its own thread, all released at once; returns the outcomes in the texts' order. */
    static List<String> atOnce(List<Callable<String>> texts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(texts.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (Callable<String> t : texts) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : sent) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void firstTextsSentTogetherOpenOneConversationAndOneRequest() throws Exception {
        String from = Texts.newNumber();
        List<String> outcomes = atOnce(List.of(
                () -> text(from, "need shopping, NP22").extract().path("outcome"),
                () -> text(from, "need shopping, NP22").extract().path("outcome"),
                () -> text(from, "and some milk please").extract().path("outcome")));
        // Whichever comes first, the others are answers, repeats or additions to it.
        assertThat(outcomes).contains("submitted").allMatch(o -> List.of("submitted", "appended", "asked-where").contains(o));
        assertThat(Texts.requestsOf(cipher, from)).hasSize(1);
        assertThat(DB.count("SELECT count(*) FROM sms_intakes WHERE contact_hash = ?", cipher.lookupHash("sms", from))).isEqualTo(1);
    }

    @Test
    void theSameMessageHandedOnTwiceAtOnceIsHandledOnce() throws Exception {
        String from = Texts.newNumber();
        String id = Texts.messageId();
        List<String> requests = atOnce(List.of(
                () -> Texts.send(id, from, Texts.TREDEGAR, "medicine from the chemist, Castle Street").statusCode(200)
                        .extract().path("requestId"),
                () -> Texts.send(id, from, Texts.TREDEGAR, "medicine from the chemist, Castle Street").statusCode(200)
                        .extract().path("requestId")));
        assertThat(requests.get(0)).isNotNull().isEqualTo(requests.get(1));
        assertThat(Texts.requestsOf(cipher, from)).hasSize(1);
        assertThat(TestRequests.outboxTypes(UUID.fromString(requests.get(0)))).containsExactly("RequestSubmitted");
    }

    /** Stands for a crash after the answer was committed and before the request was written. */
    static void leftBeingWritten(ContactCipher cipher, String from, UUID requestId, String trackingCode) {
        String hash = cipher.lookupHash("sms", from);
        ContactCipher.Sealed sealed = cipher.seal(from, "sms-intake:" + hash);
        DB.update("UPDATE sms_intakes SET step = 'submitting', request_id = ?, tracking_code = ?, key_id = ?, nonce = ?, "
                + "ciphertext = ?, submitted_at = NULL WHERE contact_hash = ?", requestId, trackingCode, sealed.keyId(),
                sealed.nonce(), sealed.ciphertext(), hash);
    }

    @Test
    void aRequestLeftHalfWrittenIsWrittenByTheNextText() {
        String from = Texts.newNumber();
        text(from, "I need a hot meal").body("outcome", equalTo("asked-where"));
        UUID requestId = UUID.randomUUID();
        leftBeingWritten(cipher, from, requestId, "ABCD-2345");

        text(from, "two of us").body("outcome", equalTo("appended")).body("requestId", equalTo(requestId.toString()))
                .body("trackingCode", equalTo("ABCD-2345"));
        assertThat(Texts.requestsOf(cipher, from)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("id", requestId).containsEntry("category", "prepared-meals")
                .containsEntry("description", "I need a hot meal\ntwo of us"));
        assertThat(Texts.intakeOf(cipher, from)).containsEntry("step", "submitted");
    }

    @Test
    void aRequestLeftHalfWrittenIsWrittenByTheJobAndAWrittenOneIsNotWrittenTwice() throws Exception {
        String from = Texts.newNumber();
        text(from, "heating broken").body("outcome", equalTo("asked-where"));
        UUID requestId = UUID.randomUUID();
        leftBeingWritten(cipher, from, requestId, "WXYZ-6789");
        Texts.ageIntake(cipher, from, "2 minutes");
        Jobs.concurrently(3, job::runOnce);
        assertThat(Texts.requestsOf(cipher, from)).singleElement().satisfies(r -> assertThat(r).containsEntry("id", requestId));

        // As if the job's mark had been lost too: the next pass finds the request and writes nothing.
        leftBeingWritten(cipher, from, requestId, "WXYZ-6789");
        Texts.ageIntake(cipher, from, "2 minutes");
        Jobs.concurrently(3, job::runOnce);
        assertThat(Texts.requestsOf(cipher, from)).hasSize(1);
        assertThat(TestRequests.outboxTypes(requestId)).containsExactly("RequestSubmitted");
        assertThat(Texts.intakeOf(cipher, from)).containsEntry("step", "submitted").containsEntry("ciphertext", null);
    }
}
