package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak is unreachable (its token endpoint is a closed port), so every contact lookup fails, while far more
 * events arrive than the database pool has connections. Afterwards the service must still work — nothing may keep a
 * connection or a transaction — and every message that could not be sent is recorded, not lost. Messages wait out
 * such an outage for {@code tredegar.dispatch.lookup-outage.give-up-after} before they are given up on.
 */
@QuarkusTest
@TestProfile(ContactOutageTest.KeycloakUnreachable.class)
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class ContactOutageTest {
    static final Db DB = Db.of("notifications");
    static final UUID TREDEGAR = HubIds.idOf("tredegar");
    static final int EVENTS = 400;

    public static class KeycloakUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // Nothing listens there: every service token request fails, so every contact lookup does.
                    "quarkus.oidc-client.token-path", "http://127.0.0.1:" + closedPort() + "/realms/tredegar/protocol/openid-connect/token",
                    // An outage of what a message needs is waited out this long (production: hours), not ended after
                    // max-attempts (3 in tests) quick tries.
                    "tredegar.dispatch.lookup-outage.give-up-after", "PT15S",
                    // A small pool: the flood below is many times its size.
                    "quarkus.datasource.reactive.max-size", "6",
                    // The escalation sent afterwards must not be collapsed with one sent by another test class.
                    "tredegar.notifications.window.\"request-escalated\"", "PT0S");
        }
    }

    @Test
    void aFloodOfEventsWhileContactsCannotBeLookedUpNeitherDrainsThePoolNorLosesMessages() {
        // A message planned ten hours ago and held overnight by quiet hours: the outage allowance is counted from its
        // first failed lookup, not from when it was planned, so it is not given up on at once.
        UUID heldOvernight = UUID.randomUUID();
        OffsetDateTime now = TestClock.current().atOffset(ZoneOffset.UTC);
        DB.update("INSERT INTO notifications (id, hub_id, kind, recipient_type, recipient_ref, language, status, "
                        + "causation_event_id, created_at, updated_at, next_attempt_at) "
                        + "VALUES (?, ?, 'request-received', 'requester', ?, 'en', 'held', ?, ?, ?, ?)",
                UUID.randomUUID(), TREDEGAR, heldOvernight, UUID.randomUUID().toString(), now.minusHours(10), now.minusHours(10), now);
        List<UUID> requests = new ArrayList<>();
        requests.add(heldOvernight);
        for (int i = 0; i < EVENTS; i++) {
            UUID requestId = UUID.randomUUID();
            requests.add(requestId);
            Events.publish(EventsToMessagesTest.submitted(requestId, true, ContactChannel.SMS, "en"));
        }
        UUID[] ids = requests.toArray(UUID[]::new);
        int messages = ids.length;

        // Every event became an intent (the consumer kept getting connections)...
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ANY(?)", (Object) ids)).as(() -> state(ids)).isEqualTo(messages));
        // ...and every one of them was tried, waited for the lookups to come back, then was given up on and recorded
        // with the reason: none is lost, none stuck.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(DB.count(
                "SELECT count(*) FROM notifications WHERE recipient_ref = ANY(?) AND status = 'failed'", (Object) ids))
                .as(() -> state(ids)).isEqualTo(messages));
        assertThat(DB.rows("SELECT DISTINCT reason FROM notifications WHERE recipient_ref = ANY(?)", (Object) ids))
                .allSatisfy(row -> assertThat((String) row.get("reason")).contains("contact lookup failed"));
        // Not given up before the outage allowance ran out from the first failed lookup (kept on the row), although
        // that took more lookups than max-attempts; the message held overnight neither.
        assertThat(DB.count("SELECT count(*) FROM notifications WHERE recipient_ref = ANY(?) AND status = 'failed' "
                + "AND (lookup_failing_since IS NULL OR updated_at < lookup_failing_since + interval '15 seconds')", (Object) ids))
                .as(() -> state(ids)).isZero();
        assertThat(DB.count("SELECT count(*) FROM notifications WHERE recipient_ref = ? AND status = 'failed' "
                + "AND lookup_failing_since > created_at + interval '10 hours'", heldOvernight)).isEqualTo(1);
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE message_key = ANY(?) AND type = ?",
                failedIds(ids), Events.NOTIFICATION_FAILED)).isEqualTo(messages);

        // The pool still serves: a database-backed request answers...
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/alerts.atom").then().statusCode(200));
        // ...and a new event that needs no contact lookup (the hub's coordinators) is recorded and sent.
        UUID escalated = UUID.randomUUID();
        Events.publish(new RequestEscalated(escalated, TREDEGAR, 1, Urgency.URGENT, HelpCategory.GROCERIES, null, TestClock.current()));
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count(
                "SELECT count(*) FROM notifications WHERE subject_ref = ? AND status = 'sent'", escalated) == 1);
    }

    /** What the rows and the database connections look like, for a failure message. */
    private static String state(UUID[] ids) {
        return "notifications by status " + DB.rows("SELECT status, count(*) FROM notifications WHERE recipient_ref = ANY(?) "
                + "GROUP BY status", (Object) ids) + ", connections by state " + DB.rows("SELECT state, count(*) FROM pg_stat_activity "
                + "WHERE datname = 'notifications' GROUP BY state");
    }

    private static String[] failedIds(UUID[] recipients) {
        return DB.rows("SELECT id FROM notifications WHERE recipient_ref = ANY(?)", (Object) recipients).stream()
                .map(r -> r.get("id").toString()).toArray(String[]::new);
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
