package org.tredegar.dashboard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.domain.HubSnapshot.MapCell;
import org.tredegar.dashboard.domain.HubSnapshot.MapView;
import org.tredegar.dashboard.domain.OperatorSnapshots;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator map from real events: requests by the point they gave, volunteers on duty by their latest home cell,
 * the same in any order and with duplicates. The hub's slug is "test", whose area the test profile configures
 * (a 4 km square around Tredegar's centre).
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "dashboard"))
class OperatorMapTest {
    static final GeoPoint CENTRE = new GeoPoint(51.773, -3.247);
    static final GeoPoint NORTH_EAST = new GeoPoint(51.785, -3.235);

    @Inject
    OperatorSnapshots snapshots;

    @Test
    void requestsAndVolunteersOnDutyAreCountedPerCellInAnyOrder() {
        UUID hub = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        UUID waiting = UUID.randomUUID(), matched = UUID.randomUUID(), northEast = UUID.randomUUID(),
                nowhere = UUID.randomUUID(), far = UUID.randomUUID(), cancelled = UUID.randomUUID();
        UUID moved = UUID.randomUUID(), busy = UUID.randomUUID(), offDuty = UUID.randomUUID(), distant = UUID.randomUUID();
        List<TredegarEvent> history = List.of(
                registered(moved, hub, new GeoPoint(51.760, -3.260), t0),
                registered(busy, hub, CENTRE, t0),
                registered(offDuty, hub, NORTH_EAST, t0),
                registered(distant, hub, new GeoPoint(52.2, -3.2), t0),
                new VolunteerAvailabilityChanged(moved, hub, true, t0.plusSeconds(10)),
                new VolunteerAvailabilityChanged(busy, hub, true, t0.plusSeconds(10)),
                new VolunteerAvailabilityChanged(distant, hub, true, t0.plusSeconds(10)),
                submitted(waiting, hub, CENTRE, t0.plusSeconds(60)),
                submitted(matched, hub, CENTRE, t0.plusSeconds(60)),
                submitted(northEast, hub, NORTH_EAST, t0.plusSeconds(60)),
                submitted(nowhere, hub, null, t0.plusSeconds(60)),
                submitted(far, hub, new GeoPoint(51.95, -3.0), t0.plusSeconds(60)),
                submitted(cancelled, hub, CENTRE, t0.plusSeconds(60)),
                new RequestMatched(matched, hub, UUID.randomUUID(), busy, t0.plusSeconds(120)),
                new RequestCancelled(cancelled, hub, "no-longer-needed", null, t0.plusSeconds(120)),
                // Re-registered: the home cell moves to the centre (the latest registration counts).
                registered(moved, hub, CENTRE, t0.plusSeconds(300)));
        List<TredegarEvent> backwards = new ArrayList<>(history);
        Collections.reverse(backwards);
        Set<String> ids = new LinkedHashSet<>();
        backwards.forEach(e -> ids.add(Events.send(e)));
        ids.add(Events.send(history.get(0))); // the old registration again, under a new id
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadModelDb.processed(ids) == ids.size());

        MapView map = snapshots.map(new Hub(hub, "test", "Test hub")).await().indefinitely();

        assertThat(map.cells()).extracting(MapCell::open, MapCell::waiting, MapCell::volunteers, MapCell::free, MapCell::balance)
                .containsExactly(
                        Tuple.tuple(1L, 1L, 0L, 0L, "short"),     // north-east: one waiting, nobody on duty there
                        Tuple.tuple(2L, 1L, 2L, 1L, "covered"));  // centre: waiting + matched; moved (free) + busy
        assertThat(map.openWithoutLocation()).isEqualTo(1);
        assertThat(map.openOffMap()).isEqualTo(1);
        assertThat(map.volunteersOffMap()).isEqualTo(1);
        assertThat(map.width()).isPositive();
        assertThat(map.outline().split(" ")).hasSize(4);
    }

    @Test
    void aHubWithoutAConfiguredAreaHasNoMap() {
        assertThat(snapshots.map(new Hub(UUID.randomUUID(), "nowhere", "Unmapped hub")).await().indefinitely()).isNull();
    }

    private static VolunteerRegistered registered(UUID volunteer, UUID hub, GeoPoint home, Instant at) {
        return new VolunteerRegistered(volunteer, hub, List.of(hub), home, 3, List.of(), List.of("en"), false, at);
    }

    private static RequestSubmitted submitted(UUID request, UUID hub, GeoPoint location, Instant at) {
        return new RequestSubmitted(request, hub, HelpCategory.GROCERIES, Urgency.URGENT, "Weekly shop", location, null,
                List.of(), "en", false, ContactChannel.NONE, IntakeChannel.WEB, null, false, at);
    }
}
