package org.tredegar.dashboard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.requests.v1.FollowUpDue;
import org.tredegar.dashboard.api.PublicSummary;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.domain.HubSnapshot;
import org.tredegar.dashboard.domain.HubSnapshot.AreaRow;
import org.tredegar.dashboard.domain.HubSnapshot.ChannelRow;
import org.tredegar.dashboard.domain.HubSnapshot.Count;
import org.tredegar.dashboard.domain.HubSnapshot.ItemRow;
import org.tredegar.dashboard.domain.HubSnapshot.UrgencyRow;
import org.tredegar.dashboard.domain.OperatorSnapshots;
import org.tredegar.dashboard.domain.PublicSummaries;
import org.tredegar.dashboard.messaging.DashboardConsumers;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read models for a known history are exact, and the same whether the events arrive in order, backwards, or
 * with duplicates (the same CloudEvent again, and the same fact under a new id).
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "dashboard"))
class ReadModelsTest {
    static final String FOLLOW_UP_DUE = EventCatalog.of(FollowUpDue.class).type();

    @Inject
    OperatorSnapshots snapshots;
    @Inject
    PublicSummaries summaries;

    @Test
    void aKnownHistoryGivesExactFiguresInAnyOrderAndWithDuplicates() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long ignoredBefore = ReadModelDb.DB.count("SELECT COALESCE(sum(events), 0) FROM ignored_event WHERE event_type = ?",
                FOLLOW_UP_DUE);
        double duplicatesBefore = duplicatesSeen();

        Scenario inOrder = new Scenario(now);
        Set<String> ids = new LinkedHashSet<>();
        inOrder.events().forEach(event -> ids.add(Events.send(event)));

        Scenario shuffled = new Scenario(now);
        List<TredegarEvent> backwards = new ArrayList<>(shuffled.events());
        Collections.reverse(backwards);
        List<String> sent = new ArrayList<>();
        backwards.forEach(event -> sent.add(Events.send(event)));
        ids.addAll(sent);
        // The very same CloudEvents again (a redelivery), and the same facts under new ids (a producer retry).
        for (int i = 0; i < 3; i++) {
            Events.send(backwards.get(i), sent.get(i));
        }
        ids.add(Events.send(shuffled.matchedA));
        ids.add(Events.send(shuffled.failedEmail));

        await().atMost(Duration.ofSeconds(60)).until(() -> ReadModelDb.processed(ids) == ids.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicatesSeen() >= duplicatesBefore + 3);

        for (Scenario scenario : List.of(inOrder, shuffled)) {
            Hub hub = new Hub(scenario.hub, "test", "Test hub");
            assertExact(scenario, snapshots.of(hub, now, List.of()).await().indefinitely());
            assertPublic(PublicSummary.of(summaries.of(hub).await().indefinitely()));
        }
        assertThat(ReadModelDb.DB.count("SELECT COALESCE(sum(events), 0) FROM ignored_event WHERE event_type = ?",
                FOLLOW_UP_DUE)).isEqualTo(ignoredBefore + 2);
    }

    @Test
    void anUnknownEventTypeGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String key = java.util.UUID.randomUUID().toString();
        String poison = Events.sendUnknown(Topics.REQUESTS, key);
        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClient.read(Topics.deadLetter(Topics.REQUESTS, DashboardConsumers.CONSUMER),
                Duration.ofSeconds(60), seen -> seen.stream().anyMatch(r -> poison.equals(KafkaTestClient.header(r, "ce_id"))));
        assertThat(dead).anyMatch(r -> poison.equals(KafkaTestClient.header(r, "ce_id")));

        Scenario after = new Scenario(Instant.now());
        String next = Events.send(after.events().get(5)); // a RequestSubmitted on the same topic
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadModelDb.processed(List.of(next)) == 1);
        assertThat(ReadModelDb.DB.count("SELECT count(*) FROM processed_events WHERE event_id = ?", poison)).isZero();
    }

    private static void assertExact(Scenario s, HubSnapshot snap) {
        assertThat(snap.byStatus()).containsExactly(new Count("cancelled", 1), new Count("fulfilled", 1),
                new Count("matched", 1), new Count("submitted", 1), new Count("triaged", 1));
        assertThat(snap.byCategory()).containsExactly(new Count("evacuation", 1), new Count("transport", 1),
                new Count("warmth", 1));
        var backlog = snap.backlog();
        assertThat(backlog.open()).isEqualTo(3);
        assertThat(backlog.unmatched()).isEqualTo(2);
        assertThat(backlog.breaching()).isEqualTo(1);
        assertThat(backlog.oldestUnmatchedMinutes()).isEqualTo(180);
        assertThat(backlog.byUrgency()).containsExactly(
                new UrgencyRow("life-safety", 1, 1, 1, 180L),
                new UrgencyRow("urgent", 1, 0, 0, null),
                new UrgencyRow("routine", 1, 1, 0, 180L));
        assertThat(backlog.waiting()).extracting(HubSnapshot.Waiting::requestId).containsExactly(s.b, s.c);
        assertThat(backlog.waiting().get(0).breaching()).isTrue();
        assertThat(backlog.waiting().get(0).category()).isEqualTo("evacuation");
        assertThat(backlog.waiting().get(0).escalationLevel()).isEqualTo(1);
        assertThat(backlog.waiting().get(0).deadline()).isEqualTo(s.t0.plus(Duration.ofMinutes(15)));
        assertThat(backlog.waiting().get(1).breaching()).isFalse();

        assertThat(snap.matchedWithinTarget().matched()).isEqualTo(3);
        assertThat(snap.matchedWithinTarget().withinTarget()).isEqualTo(3);

        var supply = snap.supply();
        assertThat(supply.volunteersOnDuty()).isEqualTo(1);
        assertThat(supply.volunteersAssigned()).isEqualTo(1);
        assertThat(supply.volunteersAvailable()).isZero();
        assertThat(supply.offersOutstanding()).isEqualTo(1);
        assertThat(supply.unmatchedRequests()).isEqualTo(2);
        assertThat(supply.areas()).containsExactly(new AreaRow("", 1, 1), new AreaRow("Sirhowy", 1, 1),
                new AreaRow("Georgetown", 1, 0));
        assertThat(supply.items()).containsExactly(new ItemRow("blanket", 1, 5), new ItemRow("food-parcel", 0, 8));

        assertThat(snap.claims()).hasSize(1);
        assertThat(snap.claims().get(0).requestId()).isEqualTo(s.e);
        assertThat(snap.claims().get(0).volunteerId()).isEqualTo(s.v2);
        assertThat(snap.claims().get(0).status()).isEqualTo(RequestStatus.MATCHED);
        assertThat(snap.claims().get(0).since()).isEqualTo(s.t0.plus(Duration.ofMinutes(70)));

        assertThat(snap.stockAlerts()).containsExactly(new HubSnapshot.StockLevel(s.location, "blanket", 5, 10));
        assertThat(snap.notifications().sent()).isEqualTo(1);
        assertThat(snap.notifications().failed()).isEqualTo(2);
        assertThat(snap.notifications().byChannel()).containsExactly(new ChannelRow("email", 0, 1), new ChannelRow("sms", 1, 1));
        assertThat(snap.deliveryFailures()).extracting(HubSnapshot.DeliveryFailure::deliveryId).containsExactly(s.failedDelivery);
        assertThat(snap.deliveryFailures().get(0).reason()).isEqualTo("nobody home");
        assertThat(snap.escalations().openEscalated()).isEqualTo(1);
        assertThat(snap.escalations().lastDay()).isEqualTo(1);

        // Everything happened in one ~1 km cell: 3 open (2 waiting), 1 volunteer on duty and holding a request.
        assertThat(snap.map().cells()).extracting(HubSnapshot.MapCell::open, HubSnapshot.MapCell::waiting,
                HubSnapshot.MapCell::volunteers, HubSnapshot.MapCell::free, HubSnapshot.MapCell::balance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 2L, 1L, 0L, "short"));
        assertThat(snap.map().openWithoutLocation()).isZero();
    }

    private static void assertPublic(PublicSummary summary) {
        assertThat(summary.requestsReceived()).isEqualTo(5L);
        assertThat(summary.requestsFulfilled()).isEqualTo("<5");
        assertThat(summary.medianMinutesToMatch()).as("3 matches are too few to publish a median").isNull();
        assertThat(summary.volunteersActive()).isEqualTo("<5");
        assertThat(summary.itemsDistributed()).isEqualTo("<5");
    }

    /** The inbox's duplicate counter for this consumer, from the Prometheus endpoint. */
    static double duplicatesSeen() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("tredegar_inbox_duplicates_total") && l.contains("consumer=\"dashboard\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
