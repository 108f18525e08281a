package org.tredegar.volunteers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestTriaged;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tredegar.volunteers.Fixtures.DB;
import static org.tredegar.volunteers.Fixtures.as;

/** Requests arriving on the broker are offered to the right volunteers, and only to them. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
@QuarkusTestResource(TestTokens.class)
class MatchingTest {
    static final double LAT = 52.10;
    static final double LON = -3.60;

    @Test
    void offersGoToTheRightVolunteersAndNotTheWrongOnes() {
        String hub = Fixtures.freshHub();
        UUID near = Fixtures.volunteerNear(hub, LAT, LON, 1.0, b -> { });
        UUID middle = Fixtures.volunteerNear(hub, LAT, LON, 2.5, b -> { });
        UUID further = Fixtures.volunteerNear(hub, LAT, LON, 4.0, b -> b.put("languages", List.of("cy", "en")));
        // Each of these is nearer than the right ones, so only a rule can keep them out.
        UUID offDuty = Fixtures.volunteerNear(hub, LAT, LON, 0.3, b -> b.put("onDuty", false));
        UUID smallRadius = Fixtures.volunteerNear(hub, LAT, LON, 0.9, b -> b.put("radiusKm", 0.5));
        UUID overLimit = Fixtures.volunteerNear(hub, LAT, LON, 0.5, b -> b.put("limits", Map.of("maxTasksPerWeek", 1)));
        Fixtures.pastTask(overLimit, hub, 30);
        UUID resting = Fixtures.volunteerNear(hub, LAT, LON, 0.6, b -> b.put("limits", Map.of("restHours", 48)));
        Fixtures.pastTask(resting, hub, 30);
        UUID wrongLanguage = Fixtures.volunteerNear(hub, LAT, LON, 0.4, b -> b.put("languages", List.of("pl")));
        UUID otherHub = Fixtures.volunteerNear(Fixtures.freshHub(), LAT, LON, 0.2, b -> { });
        UUID noCar = Fixtures.volunteerNear(hub, LAT, LON, 0.7, b -> b.put("skills", List.of("cooking")));
        UUID tooFarForTheRequest = Fixtures.volunteerNear(hub, LAT, LON, 14, b -> b.put("radiusKm", 60));

        UUID requestId = UUID.randomUUID();
        RequestEvents.publish(RequestEvents.submitted(requestId, hub, HelpCategory.TRANSPORT, LAT, LON, "en"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == 3);
        assertThat(Fixtures.offeredTo(requestId)).containsExactlyInAnyOrder(near, middle, further)
                .doesNotContain(offDuty, smallRadius, overLimit, resting, wrongLanguage, otherHub, noCar, tooFarForTheRequest);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read(Topics.VOLUNTEERS, Duration.ofSeconds(30),
                seen -> seen.stream().filter(r -> requestId.toString().equals(r.key())).count() == 3);
        List<OfferMade> made = records.stream().filter(r -> requestId.toString().equals(r.key()))
                .map(r -> EventJson.read(r.value(), OfferMade.class)).toList();
        assertThat(made).extracting(OfferMade::volunteerId).containsExactlyInAnyOrder(near, middle, further);
        assertThat(made).allSatisfy(o -> {
            assertThat(o.hubId()).isEqualTo(HubIds.idOf(hub));
            assertThat(o.expiresAt()).isAfter(Instant.now());
            assertThat(o.language()).isEqualTo("en");
        });

        as(TestTokens.volunteer(near, hub)).when().get("/api/v1/volunteers/me/offers").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].requestId", equalTo(requestId.toString()))
                .body("items[0].category", equalTo("transport"))
                .body("items[0].roughDistanceKm", equalTo(1.0f))
                .body("items[0].contact", org.hamcrest.Matchers.nullValue());
        as(TestTokens.volunteer(offDuty, hub)).when().get("/api/v1/volunteers/me/offers").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void workSpreadsToThoseWithFewestRecentTasks() {
        String hub = Fixtures.freshHub();
        UUID busy = Fixtures.volunteerNear(hub, LAT, LON, 0.2, b -> { });
        Fixtures.pastTask(busy, hub, 20);
        Fixtures.pastTask(busy, hub, 50);
        UUID once = Fixtures.volunteerNear(hub, LAT, LON, 0.4, b -> { });
        Fixtures.pastTask(once, hub, 40);
        UUID fresh1 = Fixtures.volunteerNear(hub, LAT, LON, 0.8, b -> { });
        UUID fresh2 = Fixtures.volunteerNear(hub, LAT, LON, 1.1, b -> { });
        // Released tasks do not count: giving a task back carries no blame.
        UUID released = Fixtures.volunteerNear(hub, LAT, LON, 1.3, b -> { });
        Fixtures.pastTask(released, hub, 10);
        Fixtures.pastTask(released, hub, 30);
        DB.update("UPDATE assignments SET status = 'released' WHERE volunteer_id = ?", released);

        UUID requestId = UUID.randomUUID();
        RequestEvents.publish(RequestEvents.submitted(requestId, hub, HelpCategory.GROCERIES, LAT, LON, "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == 3);
        assertThat(Fixtures.offeredTo(requestId)).containsExactlyInAnyOrder(fresh1, fresh2, released).doesNotContain(busy, once);
    }

    @Test
    void aDuplicateRequestSubmittedMakesNoSecondRound() {
        String hub = Fixtures.freshHub();
        for (int i = 0; i < 5; i++) {
            Fixtures.volunteerNear(hub, LAT, LON, 0.5 + i * 0.3, b -> { });
        }
        UUID requestId = UUID.randomUUID();
        RequestSubmitted submitted = RequestEvents.submitted(requestId, hub, HelpCategory.GROCERIES, LAT, LON, "en");
        String ceId = RequestEvents.publish(submitted);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == 3);

        RequestEvents.publish(submitted, ceId); // redelivery: same CloudEvent id
        RequestEvents.publish(submitted); // the same request again under a new id
        // Same key, same partition: once this marker is processed, both duplicates before it were too.
        String marker = RequestEvents.publish(new RequestTriaged(requestId, HubIds.idOf(hub), HelpCategory.GROCERIES,
                Urgency.URGENT, "coordinator", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.processed(marker));

        assertThat(Fixtures.offeredTo(requestId)).hasSize(3);
        assertThat(DB.count("SELECT count(*) FROM match_rounds WHERE request_id = ?", requestId)).isEqualTo(1);
        assertThat(DB.count("SELECT count(*) FROM processed_events WHERE event_id = ?", ceId)).isEqualTo(1);
        assertThat(Fixtures.outboxed(requestId, OfferMade.class)).isEqualTo(3);
    }

    @Test
    void escalationAsksFurtherThenNeighbouringHubsThenStops() {
        // Test hubs with known centres (application.properties, %test): esc-home and its neighbour 8 km north.
        String hub = "esc-home";
        double lat = 52.30;
        double lon = -3.70;
        UUID near = Fixtures.volunteerNear(hub, lat, lon, 1, b -> { });
        UUID fifteenKm = Fixtures.volunteerNear(hub, lat, lon, 15, b -> b.put("radiusKm", 30));
        UUID neighbour = Fixtures.volunteerNear("esc-neighbour", lat, lon, 3, b -> { });
        UUID requestId = UUID.randomUUID();
        RequestEvents.publish(RequestEvents.submitted(requestId, hub, HelpCategory.GROCERIES, lat, lon, "en"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == 1);
        assertThat(Fixtures.offeredTo(requestId)).containsExactly(near);

        GeoPoint at = new GeoPoint(lat, lon).approximate();
        RequestEvents.publish(new RequestEscalated(requestId, HubIds.idOf(hub), 1, Urgency.URGENT, HelpCategory.GROCERIES, at, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == 2);
        assertThat(Fixtures.offeredTo(requestId)).containsExactlyInAnyOrder(near, fifteenKm);

        RequestEvents.publish(new RequestEscalated(requestId, HubIds.idOf(hub), 2, Urgency.URGENT, HelpCategory.GROCERIES, at, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == 3);
        assertThat(Fixtures.offeredTo(requestId)).contains(neighbour);

        UUID lateComer = Fixtures.volunteerNear(hub, lat, lon, 2, b -> { });
        String level3 = RequestEvents.publish(new RequestEscalated(requestId, HubIds.idOf(hub), 3, Urgency.URGENT,
                HelpCategory.GROCERIES, at, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.processed(level3));
        assertThat(Fixtures.offeredTo(requestId)).doesNotContain(lateComer).hasSize(3);
        assertThat(DB.count("SELECT escalation_level FROM match_rounds WHERE request_id = ?", requestId)).isEqualTo(3);
    }

    @Test
    void aRequestWithOnlyAnAreaIsMatchedAroundItsHubCentre() {
        // volunteer.tredegar's demo profile sits at the tredegar centre; so may others from other tests: only check it.
        UUID requestId = UUID.randomUUID();
        RequestSubmitted submitted = new RequestSubmitted(requestId, HubIds.idOf("ebbw-vale"), HelpCategory.CHECK_IN_CALL,
                Urgency.ROUTINE, "A call now and then", null, "NP23", List.of(), "en", false,
                org.tredegar.contracts.model.ContactChannel.NONE, org.tredegar.contracts.model.IntakeChannel.HOTLINE, null, false,
                Instant.now());
        RequestEvents.publish(submitted);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.offeredTo(requestId).size() == 3);
        Set<UUID> offered = Fixtures.offeredTo(requestId);
        assertThat(DB.count("SELECT count(*) FROM volunteers WHERE hubs LIKE '%ebbw-vale%' AND id IN ("
                + String.join(", ", java.util.Collections.nCopies(offered.size(), "?")) + ")", offered.toArray())).isEqualTo(3);
    }

    /** The search reads the partial cell index, never the whole table (seq scans disabled to see what is possible). */
    @Test
    void theSearchReadsTheSpatialIndex() throws Exception {
        try (java.sql.Connection c = DB.connect()) {
            c.createStatement().execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (java.sql.ResultSet rs = c.createStatement().executeQuery("EXPLAIN SELECT v.id FROM volunteers v "
                    + "WHERE v.on_duty AND v.h3_fine = ANY('{608533319805566975,608533319822344191}'::bigint[])")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("volunteers_on_duty_fine");
        }
    }
}
