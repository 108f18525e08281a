package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A delivery receipt saying an SMS failed moves the message on to the next channel of the recipient's fallback
 * chain, once; with no next channel the message fails and NotificationFailed is published.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class DeliveryReceiptTest {
    static final Db DB = Db.of("notifications");
    @Test
    void anUndeliveredSmsFallsBackToEmailOnceEvenWhenTheReceiptComesAgain() throws Exception {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        String email = "receipt-" + volunteerId + "@example.org";
        String sid = "SM" + offerId.toString().replace("-", "");
        Stubs.volunteerContact(volunteerId, "sms", phone, "en", "[{\"channel\":\"email\",\"value\":\"" + email + "\"}]");
        Stubs.smsAccepted(phone, sid);
        Events.publish(OfferDeliveryTest.offer(offerId, volunteerId, "8642", "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent' AND provider_ref = ?", offerId, sid) == 1);
        assertThat(Mails.to(email)).isEmpty();

        Map<String, String> receipt = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30005");
        OfferDeliveryTest.signed(receipt, "/api/v1/channels/sms/status").post("/api/v1/channels/sms/status").then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(email).size() == 1);
        assertThat(Mails.text(Mails.to(email).get(0))).contains("8642");
        await().atMost(Duration.ofSeconds(10)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent' AND channel = 'email'", offerId) == 1);
        Map<String, Object> row = DB.rows("SELECT * FROM notifications WHERE subject_ref = ?", offerId).get(0);
        assertThat(row.get("failed_channels")).isEqualTo("sms");
        assertThat(row.get("reply_hash")).isNull(); // an answer can no longer come by SMS
        assertThat(row.toString()).doesNotContain(phone.substring(1)).doesNotContain(email);
        UUID notificationId = (UUID) row.get("id");
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE message_key = ? AND type = ?",
                notificationId.toString(), Events.NOTIFICATION_SENT)).isEqualTo(2); // by SMS, then by email

        // The provider repeats the receipt: nothing more is sent, nothing more is published.
        OfferDeliveryTest.signed(receipt, "/api/v1/channels/sms/status").post("/api/v1/channels/sms/status").then().statusCode(204);
        OfferDeliveryTest.signed(Map.of("MessageSid", sid, "MessageStatus", "failed"), "/api/v1/channels/sms/status")
                .post("/api/v1/channels/sms/status").then().statusCode(204);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Mails.to(email).size() == 1);
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(1);
        assertThat(DB.rows("SELECT status, channel, attempts FROM notifications WHERE id = ?", notificationId).get(0))
                .containsEntry("status", "sent").containsEntry("channel", "email").containsEntry("attempts", 2);
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE message_key = ?", notificationId.toString())).isEqualTo(2);
    }

    @Test
    void anUndeliveredSmsWithNoOtherChannelIsReportedAsNotificationFailedOnce() {
        UUID requestId = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        String sid = sentBySmsToTheRequester(requestId, phone);

        Map<String, String> receipt = Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "30006");
        OfferDeliveryTest.signed(receipt, "/api/v1/channels/sms/status").post("/api/v1/channels/sms/status").then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'failed'", requestId) == 1);
        UUID notificationId = (UUID) DB.rows("SELECT id FROM notifications WHERE recipient_ref = ?", requestId).get(0).get("id");
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.NOTIFICATIONS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> failedFor(r, notificationId)));
        NotificationFailed failed = EventJson.read(records.stream().filter(r -> failedFor(r, notificationId)).findFirst()
                .orElseThrow().value(), NotificationFailed.class);
        assertThat(failed.kind()).isEqualTo("request-fulfilled");
        assertThat(failed.channel()).isEqualTo("sms");
        assertThat(failed.recipientType()).isEqualTo("requester");
        assertThat(failed.reason()).contains("not delivered").contains("no other channel");

        OfferDeliveryTest.signed(receipt, "/api/v1/channels/sms/status").post("/api/v1/channels/sms/status").then().statusCode(204);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> DB.count(
                "SELECT count(*) FROM outbox WHERE message_key = ? AND type = ?", notificationId.toString(),
                Events.NOTIFICATION_FAILED) == 1);
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(1);
        assertThat(DB.rows("SELECT delivery_status, reason FROM notifications WHERE id = ?", notificationId).get(0))
                .containsEntry("delivery_status", "failed");
    }

    @Test
    void aDeliveredReceiptOnlyRecordsTheStatusAndAnUnknownSidIsIgnored() {
        UUID requestId = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        String sid = sentBySmsToTheRequester(requestId, phone);

        OfferDeliveryTest.signed(Map.of("MessageSid", sid, "MessageStatus", "delivered"), "/api/v1/channels/sms/status")
                .post("/api/v1/channels/sms/status").then().statusCode(204);
        OfferDeliveryTest.signed(Map.of("MessageSid", "SMnot-ours", "MessageStatus", "failed"), "/api/v1/channels/sms/status")
                .post("/api/v1/channels/sms/status").then().statusCode(204);
        assertThat(DB.rows("SELECT status, delivery_status, failed_channels FROM notifications WHERE recipient_ref = ?", requestId).get(0))
                .containsEntry("status", "sent").containsEntry("delivery_status", "delivered").containsEntry("failed_channels", null);
    }

    @Test
    void aReceiptThatOvertakesTheCommitOfItsSendIsAppliedWhenTheSendIsRecorded() {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        String email = "early-" + volunteerId + "@example.org";
        String sid = "SM" + offerId.toString().replace("-", "");
        Stubs.volunteerContact(volunteerId, "sms", phone, "en", "[{\"channel\":\"email\",\"value\":\"" + email + "\"}]");
        Stubs.smsAccepted(phone, sid);
        // The provider took the SMS and reports it undelivered before the send's transaction has committed.
        List<Object> statusWhenTheReceiptCame = new CopyOnWriteArrayList<>();
        TestCommitHook.beforeCommitOnce(volunteerId, () -> {
            statusWhenTheReceiptCame.add(DB.rows("SELECT status FROM notifications WHERE subject_ref = ?", offerId).get(0).get("status"));
            OfferDeliveryTest.signed(Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003"),
                    "/api/v1/channels/sms/status").post("/api/v1/channels/sms/status").then().statusCode(204);
        });
        Events.publish(OfferDeliveryTest.offer(offerId, volunteerId, "7531", "en"));

        // Not lost: applied when the send was recorded, so the message moves on to email as a late receipt would.
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(email).size() == 1);
        assertThat(statusWhenTheReceiptCame).containsExactly("sending");
        await().atMost(Duration.ofSeconds(10)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent' AND channel = 'email'", offerId) == 1);
        Map<String, Object> row = DB.rows("SELECT * FROM notifications WHERE subject_ref = ?", offerId).get(0);
        assertThat(row.get("failed_channels")).isEqualTo("sms");
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(1);
        assertThat(DB.count("SELECT count(*) FROM early_sms_receipts WHERE message_sid = ?", sid)).isZero();
    }

    /** A RequestFulfilled message sent to the requester by SMS, and recorded as sent: its message sid. */
    private static String sentBySmsToTheRequester(UUID requestId, String phone) {
        String sid = "SM" + requestId.toString().replace("-", "");
        Stubs.requesterContact(requestId, "sms", phone, "en");
        Stubs.smsAccepted(phone, sid);
        Events.publish(new RequestFulfilled(requestId, HubIds.idOf("tredegar"), null, TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'sent' AND provider_ref = ?", requestId, sid) == 1);
        return sid;
    }

    private static boolean failedFor(ConsumerRecord<String, byte[]> r, UUID notificationId) {
        return notificationId.toString().equals(r.key()) && Events.NOTIFICATION_FAILED.equals(KafkaTestClient.header(r, "ce_type"));
    }
}
