package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.notifications.messaging.EventRouter;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class EventsToMessagesTest {
    static final Db DB = Db.of("notifications");
    static final UUID TREDEGAR = HubIds.idOf("tredegar");

    static RequestSubmitted submitted(UUID requestId, boolean hasContact, ContactChannel channel, String language) {
        return new RequestSubmitted(requestId, TREDEGAR, HelpCategory.GROCERIES, Urgency.ROUTINE, "Shopping for the week",
                null, null, List.of(), language, hasContact, channel, IntakeChannel.WEB, null, false, TestClock.current());
    }

    @Test
    void requestWithContactIsRecordedOnceAndSentOnTheChannelTheyGave() {
        UUID requestId = UUID.randomUUID();
        String phone = "+447700" + (100000 + (int) (Math.random() * 800000));
        Stubs.requesterContact(requestId, "sms", phone, "en");
        Stubs.smsAccepted(phone, "SM" + requestId.toString().replace("-", ""));
        String eventId = Events.publish(submitted(requestId, true, ContactChannel.SMS, "en"));
        // The same CloudEvent again, as Kafka may redeliver it: still one message.
        Events.publish(submitted(requestId, true, ContactChannel.SMS, "en"), eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'sent'", requestId) == 1);
        List<Map<String, Object>> rows = DB.rows("SELECT * FROM notifications WHERE recipient_ref = ?", requestId);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("kind")).isEqualTo("request-received");
        assertThat(row.get("recipient_type")).isEqualTo("requester");
        assertThat(row.get("causation_event_id")).isEqualTo(eventId);
        assertThat(row.get("channel")).isEqualTo("sms");
        assertThat(row.get("params").toString()).doesNotContain(phone);
        ExternalWorld.smsProvider().verify(1, postRequestedFor(urlPathEqualTo(Stubs.messagesPath()))
                .withRequestBody(containing("To=%2B" + phone.substring(1))));

        UUID notificationId = (UUID) row.get("id");
        List<ConsumerRecord<String, byte[]>> sent = KafkaTestClient.read(Topics.NOTIFICATIONS, Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> notificationId.toString().equals(r.key())));
        ConsumerRecord<String, byte[]> record = sent.stream().filter(r -> notificationId.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(Events.NOTIFICATION_SENT);
        NotificationSent event = EventJson.read(record.value(), NotificationSent.class);
        assertThat(event.channel()).isEqualTo("sms");
        assertThat(event.causationEventId()).hasToString(eventId);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(phone.substring(1));
    }

    @Test
    void requesterWhoGaveNoContactIsNotToldAnything() {
        UUID requestId = UUID.randomUUID();
        Events.publish(submitted(requestId, false, ContactChannel.NONE, "en"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                DB.count("SELECT count(*) FROM requester_channels WHERE request_id = ?", requestId) == 1);
        String matched = Events.publish(new RequestMatched(requestId, TREDEGAR, UUID.randomUUID(), UUID.randomUUID(), TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                DB.count("SELECT count(*) FROM processed_events WHERE event_id = ?", matched) == 1);
        assertThat(DB.count("SELECT count(*) FROM notifications WHERE recipient_ref = ?", requestId)).isZero();
    }

    @Test
    void lowStockReachesTheHubsCoordinatorsOncePerWindow() throws Exception {
        UUID location = UUID.randomUUID();
        Events.publish(new LowStock(location, TREDEGAR, ItemSlug.NAPPIES, 2, 10, TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent'", location) == 1);
        Events.publish(new LowStock(location, TREDEGAR, ItemSlug.NAPPIES, 1, 10, TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ?", location) == 2);
        assertThat(DB.rows("SELECT status FROM notifications WHERE subject_ref = ? ORDER BY created_at", location))
                .extracting(r -> r.get("status")).containsExactly("sent", "suppressed");
        var mails = Mails.to("coordinators@tredegar.test");
        assertThat(mails).anySatisfy(m -> assertThat(Mails.text(m)).contains("nappies").contains("2 left"));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReason() {
        String key = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.REQUESTS, key, "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8), Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", "org.tredegar.requests.Nonsense.v1",
                "ce_source", EventCatalog.of(RequestSubmitted.class).source(), "ce_specversion", "1.0"));
        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClient.read(Topics.deadLetter(Topics.REQUESTS, EventRouter.CONSUMER),
                Duration.ofSeconds(60), seen -> seen.stream().anyMatch(r -> key.equals(r.key())));
        ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(record, "dead-letter-reason")).contains("unknown event type");
    }
}
