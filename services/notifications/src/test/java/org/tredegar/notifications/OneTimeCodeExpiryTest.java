package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A one-time code is not retried after it expires. Retries here wait minutes (of the test clock), so the test, not
 * the scheduler, decides whether the code has expired by the time a retry is due.
 */
@QuarkusTest
@TestProfile(OneTimeCodeExpiryTest.MinutesOfBackoff.class)
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class OneTimeCodeExpiryTest {
    static final Db DB = Db.of("notifications");
    static final UUID TREDEGAR = HubIds.idOf("tredegar");

    public static class MinutesOfBackoff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tredegar.dispatch.initial-backoff", "PT10M", "tredegar.dispatch.max-backoff", "PT10M");
        }
    }

    @AfterEach
    void backToMidday() {
        TestClock.reset();
    }

    @Test
    void aCodeThatWouldExpireBeforeTheNextAttemptIsReportedFailedAfterOneTry() {
        UUID requestId = UUID.randomUUID();
        UUID codeId = UUID.randomUUID();
        String phone = providerDownFor();
        Instant expires = TestClock.current().plus(Duration.ofMinutes(3)); // the next attempt would be 5-10 min away
        Stubs.oneTimeCode(codeId, "sms", phone, "118802", "en", "erase-request", expires);
        Events.publish(OneTimeCodeTest.eraseCode(codeId, requestId, "en", expires));

        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'failed'", requestId) == 1);
        assertThat(DB.rows("SELECT reason, attempts FROM notifications WHERE recipient_ref = ?", requestId).get(0))
                .satisfies(r -> {
                    assertThat(r.get("attempts")).isEqualTo(1);
                    assertThat(r.get("reason").toString()).contains("503").contains("expires before another attempt");
                });
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(1);
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE type = ? AND payload LIKE '%one-time-code%' "
                + "AND message_key = (SELECT id::text FROM notifications WHERE recipient_ref = ?)", Events.NOTIFICATION_FAILED, requestId))
                .isEqualTo(1);
    }

    @Test
    void aRetryDueAfterTheCodeExpiredSendsNothing() {
        UUID requestId = UUID.randomUUID();
        UUID codeId = UUID.randomUUID();
        String phone = providerDownFor();
        Instant expires = TestClock.current().plus(Duration.ofMinutes(60));
        Stubs.oneTimeCode(codeId, "sms", phone, "593317", "en", "erase-request", expires);
        Events.publish(OneTimeCodeTest.eraseCode(codeId, requestId, "en", expires));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'pending' AND attempts = 1", requestId) == 1);
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(1);

        // An hour and a minute later (the retry is due, the code has expired).
        Instant later = TestClock.current().plus(Duration.ofMinutes(61));
        TestClock.set(LocalDate.ofInstant(later, TestClock.HUB_ZONE), LocalTime.ofInstant(later, TestClock.HUB_ZONE));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'skipped'", requestId) == 1);
        assertThat(DB.rows("SELECT reason FROM notifications WHERE recipient_ref = ?", requestId).get(0).get("reason").toString())
                .contains("expired before it could be sent");
        assertThat(OfferDeliveryTest.sentTo(phone)).hasSize(1);
    }

    /** A number the SMS provider answers 503 for. */
    private static String providerDownFor() {
        String phone = OfferDeliveryTest.phone();
        ExternalWorld.smsProvider().stubFor(post(urlPathEqualTo(Stubs.messagesPath()))
                .withRequestBody(containing("To=%2B" + phone.substring(1)))
                .willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
        return phone;
    }
}
