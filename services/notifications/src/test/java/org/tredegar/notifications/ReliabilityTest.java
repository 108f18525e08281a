package org.tredegar.notifications;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class ReliabilityTest {
    static final Db DB = Db.of("notifications");
    static final UUID TREDEGAR = HubIds.idOf("tredegar");

    @AfterEach
    void backToMidday() {
        TestClock.reset();
    }

    @Test
    void aCrashBetweenTheProviderCallAndTheCommitDoesNotSendTwice() {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        String sid = "SM" + offerId.toString().replace("-", "");
        Stubs.volunteerContact(volunteerId, "sms", phone, "en");
        Stubs.smsAccepted(phone, sid);
        TestCommitHook.crashOnce(volunteerId);
        Events.publish(OfferDeliveryTest.offer(offerId, volunteerId, "1111", "en"));

        // The provider took the message, then the commit that records it failed: the row stays "sending".
        await().atMost(Duration.ofSeconds(30)).until(() -> TestCommitHook.crashed(volunteerId));
        assertThat(DB.rows("SELECT status FROM notifications WHERE subject_ref = ?", offerId).get(0).get("status")).isEqualTo("sending");
        List<LoggedRequest> posts = OfferDeliveryTest.sentTo(phone);
        assertThat(posts).hasSize(1);
        String body = OfferDeliveryTest.form(posts.get(0).getBodyAsString()).get("Body");
        // What the provider's message list answers: the message it already took.
        ExternalWorld.smsProvider().stubFor(get(urlPathEqualTo(Stubs.messagesPath())).withQueryParam("To", equalTo(phone))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(new JsonObject().put("messages", new JsonArray().add(new JsonObject()
                                .put("sid", sid).put("to", phone).put("body", body).put("status", "delivered"))).encode())));

        // After the lease the notification is in doubt; the provider is asked, and nothing is sent again.
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent' AND provider_ref = ?", offerId, sid) == 1);
        ExternalWorld.smsProvider().verify(getRequestedFor(urlPathEqualTo(Stubs.messagesPath())).withQueryParam("To", equalTo(phone)));
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(1);
        Map<String, Object> row = DB.rows("SELECT * FROM notifications WHERE subject_ref = ?", offerId).get(0);
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(row.get("in_doubt")).isEqualTo(false);
    }

    @Test
    void aProviderOutageIsRetriedThenReportedAsNotificationFailed() {
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        Stubs.volunteerContact(volunteerId, "sms", phone, "en");
        ExternalWorld.smsProvider().stubFor(post(urlPathEqualTo(Stubs.messagesPath()))
                .withRequestBody(containing("To=%2B" + phone.substring(1)))
                .willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
        Events.publish(OfferDeliveryTest.offer(offerId, volunteerId, "2222", "en"));

        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'failed'", offerId) == 1);
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(3);
        UUID notificationId = (UUID) DB.rows("SELECT id FROM notifications WHERE subject_ref = ?", offerId).get(0).get("id");
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.NOTIFICATIONS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> notificationId.toString().equals(r.key())));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> notificationId.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(Events.NOTIFICATION_FAILED);
        NotificationFailed failed = EventJson.read(record.value(), NotificationFailed.class);
        assertThat(failed.reason()).contains("503").contains("3 attempt");
        assertThat(failed.channel()).isEqualTo("sms");
        assertThat(failed.recipientType()).isEqualTo("volunteer");
    }

    @Test
    void quietHoursHoldNonUrgentMessagesUntilMorningButNotUrgentOnes() {
        LocalDate today = LocalDate.now(TestClock.HUB_ZONE);
        TestClock.set(today, LocalTime.of(23, 0));
        UUID requestId = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        Stubs.requesterContact(requestId, "sms", phone, "en");
        Stubs.smsAccepted(phone, "SM" + requestId.toString().replace("-", ""));
        Events.publish(new RequestFulfilled(requestId, TREDEGAR, null, TestClock.current()));
        // An urgent offer at the same hour still goes out.
        UUID volunteerId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        String volunteerPhone = OfferDeliveryTest.phone();
        Stubs.volunteerContact(volunteerId, "sms", volunteerPhone, "en");
        Stubs.smsAccepted(volunteerPhone, "SM" + offerId.toString().replace("-", ""));
        Events.publish(OfferDeliveryTest.offer(offerId, volunteerId, "3333", "en"));
        // A message whose contact lookups have been failing for five hours (an outage of ours) reaches the night: time
        // held is not time spent trying, so the outage clock stops, and the morning's try does not give it up at once.
        UUID failingSinceEvening = UUID.randomUUID();
        String failingPhone = OfferDeliveryTest.phone();
        Stubs.requesterContact(failingSinceEvening, "sms", failingPhone, "en");
        Stubs.smsAccepted(failingPhone, "SM" + failingSinceEvening.toString().replace("-", ""));
        java.time.OffsetDateTime night = TestClock.current().atOffset(java.time.ZoneOffset.UTC);
        DB.update("INSERT INTO notifications (id, hub_id, kind, recipient_type, recipient_ref, language, status, "
                        + "causation_event_id, created_at, updated_at, next_attempt_at, reason, lookup_failing_since) "
                        + "VALUES (?, ?, 'request-fulfilled', 'requester', ?, 'en', 'pending', ?, ?, ?, ?, "
                        + "'contact lookup failed: ConnectException', ?)",
                UUID.randomUUID(), TREDEGAR, failingSinceEvening, UUID.randomUUID().toString(), night.minusHours(6),
                night.minusHours(6), night, night.minusHours(5));

        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent'", offerId) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'held'", requestId) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("SELECT count(*) FROM notifications "
                + "WHERE recipient_ref = ? AND status = 'held' AND lookup_failing_since IS NULL", failingSinceEvening) == 1);
        Map<String, Object> held = DB.rows("SELECT * FROM notifications WHERE recipient_ref = ?", requestId).get(0);
        assertThat(((java.sql.Timestamp) held.get("next_attempt_at")).toInstant())
                .isEqualTo(today.plusDays(1).atTime(8, 0).atZone(TestClock.HUB_ZONE).toInstant());
        assertThat(OfferDeliveryTest.sentTo(phone)).isEmpty();

        TestClock.set(today.plusDays(1), LocalTime.of(8, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'sent'", requestId) == 1);
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(1);
        assertThat(OfferDeliveryTest.form(OfferDeliveryTest.sentTo(phone).get(0).getBodyAsString()).get("Body"))
                .contains("glad the help reached you");
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'sent'", failingSinceEvening) == 1);
    }

    @Test
    void aSurgeAboveTheProvidersRateQueuesAndEverythingIsSent() {
        String phonePrefix = "+447800" + (100 + (int) (Math.random() * 800));
        List<UUID> offers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID volunteerId = UUID.randomUUID();
            UUID offerId = UUID.randomUUID();
            String phone = phonePrefix + String.format("%03d", i);
            Stubs.volunteerContact(volunteerId, "sms", phone, "en");
            Stubs.smsAccepted(phone, "SM" + offerId.toString().replace("-", ""));
            offers.add(offerId);
            Events.publish(OfferDeliveryTest.offer(offerId, volunteerId, String.valueOf(4000 + i), "en"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> offers.stream().allMatch(o -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent'", o) == 1));
        // Held back by the bucket is not an attempt: every message went out on its first.
        assertThat(offers).allSatisfy(o -> assertThat(DB.rows("SELECT attempts FROM notifications WHERE subject_ref = ?", o)
                .get(0).get("attempts")).isEqualTo(1));
        ExternalWorld.smsProvider().verify(20, postRequestedFor(urlPathEqualTo(Stubs.messagesPath()))
                .withRequestBody(containing("To=%2B" + phonePrefix.substring(1))));
    }
}
