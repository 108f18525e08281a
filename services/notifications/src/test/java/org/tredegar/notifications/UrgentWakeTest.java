package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the dispatcher's poll as good as off (once an hour), an urgent message is still sent: recording it wakes the
 * dispatcher. A routine message recorded meanwhile waits for the poll.
 */
@QuarkusTest
@TestProfile(UrgentWakeTest.HourlyPoll.class)
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class UrgentWakeTest {
    static final Db DB = Db.of("notifications");
    static final UUID TREDEGAR = HubIds.idOf("tredegar");

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tredegar.dispatch.every", "1h");
        }
    }

    @Test
    void anUrgentMessageWakesTheDispatcherARoutineOneWaitsForThePoll() {
        // Routine: recorded, then left for the next poll (an hour away).
        UUID requestId = UUID.randomUUID();
        String requesterPhone = OfferDeliveryTest.phone();
        Stubs.requesterContact(requestId, "sms", requesterPhone, "en");
        Stubs.smsAccepted(requesterPhone, "SM" + requestId.toString().replace("-", ""));
        Events.publish(new RequestFulfilled(requestId, TREDEGAR, null, TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'pending'", requestId) == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'pending'", requestId) == 1);
        assertThat(OfferDeliveryTest.sentTo(requesterPhone)).isEmpty();

        // Urgent: a one-time code goes out without waiting for the poll.
        UUID codeId = UUID.randomUUID();
        UUID erasing = UUID.randomUUID();
        String phone = OfferDeliveryTest.phone();
        Instant expires = TestClock.current().plus(Duration.ofMinutes(15));
        Stubs.oneTimeCode(codeId, "sms", phone, "918273", "en", "erase-request", expires);
        Stubs.smsAccepted(phone, "SM" + codeId.toString().replace("-", ""));
        Events.publish(OneTimeCodeTest.eraseCode(codeId, erasing, "en", expires));

        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND kind = 'one-time-code' AND status = 'sent'", erasing) == 1);
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(1);
        assertThat(OfferDeliveryTest.form(OfferDeliveryTest.sentTo(phone).get(0).getBodyAsString()).get("Body")).contains("918273");
    }
}
