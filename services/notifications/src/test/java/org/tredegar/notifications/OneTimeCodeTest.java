package org.tredegar.notifications;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.contracts.requests.v1.OneTimeCodeIssued;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One-time codes: fetched from the issuing service at send time with this service's token, sent on that channel in
 * the person's language, urgent (not held at night), never collapsed, never on another channel, and never written to
 * the database, the outbox or the log.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class OneTimeCodeTest {
    static final Db DB = Db.of("notifications");
    static final UUID TREDEGAR = HubIds.idOf("tredegar");

    @AfterEach
    void backToMidday() {
        TestClock.reset();
    }

    static OneTimeCodeIssued eraseCode(UUID codeId, UUID requestId, String language, Instant expiresAt) {
        return new OneTimeCodeIssued(codeId, requestId, TREDEGAR, OneTimeCodeIssued.ERASE_REQUEST, language, expiresAt,
                TestClock.current());
    }

    @Test
    void anEraseCodeGoesBySmsInSpanishAtNightTwiceInAWindowAndIsNeverStoredOrLogged() {
        TestClock.set(LocalDate.now(TestClock.HUB_ZONE), LocalTime.of(23, 30)); // quiet hours: codes are not held
        UUID requestId = UUID.randomUUID();
        UUID firstCode = UUID.randomUUID();
        UUID secondCode = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        Instant expires = TestClock.current().plus(Duration.ofMinutes(15));
        Stubs.oneTimeCode(firstCode, "sms", phone, "482913", "es", "erase-request", expires);
        Stubs.oneTimeCode(secondCode, "sms", phone, "771046", "es", "erase-request", expires.plusSeconds(60));
        Stubs.smsAccepted(phone, "SM" + firstCode.toString().replace("-", ""));
        try (LogCapture log = LogCapture.start()) {
            Logger.getLogger("org.tredegar.notifications.test").info("log capture probe");
            Events.publish(eraseCode(firstCode, requestId, "es", expires));
            Events.publish(eraseCode(secondCode, requestId, "es", expires.plusSeconds(60)));

            // Both go out at 23:30, the second one too: a new code is not "the same message again".
            await().atMost(Duration.ofSeconds(30)).until(() -> OfferDeliveryTest.sentTo(phone).size() == 2);
            List<String> bodies = OfferDeliveryTest.sentTo(phone).stream()
                    .map(r -> OfferDeliveryTest.form(r.getBodyAsString()).get("Body")).toList();
            assertThat(bodies).anySatisfy(b -> assertThat(b).contains("482913").contains("15 minutos")
                    .contains("para borrar tu petición").contains("ignora este mensaje"));
            assertThat(bodies).anySatisfy(b -> assertThat(b).contains("771046"));
            ExternalWorld.services().verify(getRequestedFor(urlEqualTo("/api/v1/one-time-codes/" + firstCode))
                    .withHeader("Authorization", equalTo("Bearer " + ExternalWorld.SERVICE_TOKEN)));
            // The code is the address: the requester's contact endpoint is not asked.
            ExternalWorld.services().verify(0, getRequestedFor(urlEqualTo("/api/v1/requests/" + requestId + "/contact")));

            await().atMost(Duration.ofSeconds(10)).until(() -> DB.count(
                    "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND kind = 'one-time-code' AND status = 'sent'", requestId) == 2);
            List<Map<String, Object>> rows = DB.rows("SELECT * FROM notifications WHERE recipient_ref = ?", requestId);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.get("urgent")).isEqualTo(true);
                assertThat(row.get("recipient_type")).isEqualTo("requester");
                assertThat(row.get("channel")).isEqualTo("sms");
                assertThat(row.toString()).doesNotContain("482913").doesNotContain("771046").doesNotContain(phone.substring(1));
            });
            UUID notificationId = (UUID) rows.get(0).get("id");
            List<ConsumerRecord<String, byte[]>> sent = KafkaTestClient.read(Topics.NOTIFICATIONS, Duration.ofSeconds(30),
                    seen -> seen.stream().anyMatch(r -> notificationId.toString().equals(r.key())));
            ConsumerRecord<String, byte[]> record = sent.stream().filter(r -> notificationId.toString().equals(r.key())).findFirst().orElseThrow();
            NotificationSent event = EventJson.read(record.value(), NotificationSent.class);
            assertThat(event.kind()).isEqualTo("one-time-code");
            assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("482913").doesNotContain("771046");
            // Nowhere in this service's database: not in the outbox, not in a reason, not in a webhook delivery.
            for (String code : List.of("482913", "771046")) {
                assertThat(DB.count("SELECT count(*) FROM outbox WHERE payload LIKE ?", "%" + code + "%")).isZero();
                assertThat(DB.count("SELECT count(*) FROM notifications WHERE params LIKE ? OR reason LIKE ?", "%" + code + "%", "%" + code + "%")).isZero();
                assertThat(DB.count("SELECT count(*) FROM webhook_deliveries WHERE payload LIKE ?", "%" + code + "%")).isZero();
            }
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("log capture probe"));
            assertThat(log.lines()).noneSatisfy(l -> assertThat(l).containsAnyOf("482913", "771046", phone.substring(1)));
        }
    }

    @Test
    void aSignUpCodeGoesByEmailInArabic() throws Exception {
        UUID signUpId = UUID.randomUUID();
        UUID codeId = UUID.randomUUID();
        String email = "sign-up-" + signUpId + "@example.org";
        Instant expires = TestClock.current().plus(Duration.ofMinutes(10));
        Stubs.oneTimeCode(codeId, "email", email, "305118", "ar", "confirm-sign-up", expires);
        Events.publish(new org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued(codeId, signUpId, TREDEGAR,
                org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued.CONFIRM_SIGN_UP, "ar", expires, TestClock.current()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !Mails.to(email).isEmpty());
        MimeMessage mail = Mails.to(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("رمزك من Tredegar");
        assertThat(Mails.text(mail)).contains("305118").contains("10 دقيقة").contains("لتأكيد تسجيلك");
        assertThat(Mails.html(mail)).contains("dir=\"rtl\"");
        ExternalWorld.services().verify(getRequestedFor(urlEqualTo("/api/v1/one-time-codes/" + codeId))
                .withHeader("Authorization", equalTo("Bearer " + ExternalWorld.SERVICE_TOKEN)));
        await().atMost(Duration.ofSeconds(10)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND recipient_type = 'volunteer' "
                        + "AND kind = 'one-time-code' AND status = 'sent' AND channel = 'email'", signUpId) == 1);
        assertThat(DB.rows("SELECT * FROM notifications WHERE recipient_ref = ?", signUpId).get(0).toString()).doesNotContain("305118");
    }

    @Test
    void anUnknownOrUsedCodeSendsNothingAndIsNoError() {
        UUID requestId = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID used = UUID.randomUUID();
        Stubs.oneTimeCodeGone(unknown, 404);
        Stubs.oneTimeCodeGone(used, 410);
        Instant expires = TestClock.current().plus(Duration.ofMinutes(15));
        Events.publish(eraseCode(unknown, requestId, "en", expires));
        Events.publish(eraseCode(used, requestId, "en", expires));

        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'skipped'", requestId) == 2);
        assertThat(DB.rows("SELECT reason, attempts FROM notifications WHERE recipient_ref = ?", requestId))
                .allSatisfy(r -> {
                    assertThat(r.get("reason").toString()).contains("no longer valid");
                    assertThat(r.get("attempts")).isEqualTo(1);
                });
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE type = ? AND payload LIKE ?", Events.NOTIFICATION_FAILED,
                "%" + requestId + "%")).isZero();
    }

    @Test
    void anUndeliveredCodeIsNotSentOnAnotherChannelAndIsReportedFailed() {
        UUID requestId = UUID.randomUUID();
        UUID codeId = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        String email = "erase-" + requestId + "@example.org";
        String sid = "SM" + codeId.toString().replace("-", "");
        // The requester also gave an email: a code must still not go there.
        Stubs.requesterContact(requestId, "sms", phone, "en", "[{\"channel\":\"email\",\"value\":\"" + email + "\"}]");
        Stubs.oneTimeCode(codeId, "sms", phone, "640271", "en", "erase-request", TestClock.current().plus(Duration.ofMinutes(15)));
        Stubs.smsAccepted(phone, sid);
        Events.publish(eraseCode(codeId, requestId, "en", TestClock.current().plus(Duration.ofMinutes(15))));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'sent' AND provider_ref = ?", requestId, sid) == 1);
        LoggedRequest sms = OfferDeliveryTest.sentTo(phone).get(0);
        assertThat(OfferDeliveryTest.form(sms.getBodyAsString()).get("Body"))
                .isEqualTo("Your Tredegar code to erase your request is 640271. It expires in 15 minutes. "
                        + "If you did not ask for it, ignore this message.");

        Map<String, String> receipt = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003");
        OfferDeliveryTest.signed(receipt, "/api/v1/channels/sms/status").post("/api/v1/channels/sms/status").then().statusCode(204);
        OfferDeliveryTest.signed(receipt, "/api/v1/channels/sms/status").post("/api/v1/channels/sms/status").then().statusCode(204);

        Map<String, Object> row = DB.rows("SELECT * FROM notifications WHERE recipient_ref = ?", requestId).get(0);
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("delivery_status")).isEqualTo("undelivered");
        UUID notificationId = (UUID) row.get("id");
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.NOTIFICATIONS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> notificationId.toString().equals(r.key())
                        && Events.NOTIFICATION_FAILED.equals(KafkaTestClient.header(r, "ce_type"))));
        NotificationFailed failed = EventJson.read(records.stream().filter(r -> notificationId.toString().equals(r.key())
                && Events.NOTIFICATION_FAILED.equals(KafkaTestClient.header(r, "ce_type")))
                .findFirst().orElseThrow().value(), NotificationFailed.class);
        assertThat(failed.kind()).isEqualTo("one-time-code");
        assertThat(failed.reason()).contains("undelivered").contains("30003");
        // Once: the repeated receipt published nothing more, and nothing went anywhere else.
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE message_key = ? AND type = ?",
                notificationId.toString(), Events.NOTIFICATION_FAILED)).isEqualTo(1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> OfferDeliveryTest.sentTo(phone).size() == 1);
        assertThat(Mails.to(email)).isEmpty();
        ExternalWorld.services().verify(0, getRequestedFor(urlEqualTo("/api/v1/requests/" + requestId + "/contact")));
    }
}
