package org.tredegar.logistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.logistics.v1.DeliveryCompleted;
import org.tredegar.contracts.logistics.v1.DeliveryFailed;
import org.tredegar.contracts.logistics.v1.DeliveryScheduled;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** From RequestSubmitted to DeliveryCompleted, with the volunteer's own calls in between. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "logistics"))
class DeliverySagaTest {
    static final Db DB = Db.of("logistics");
    static final String VOLUNTEER = "5e8a1c3d-7f2b-4a69-8d0e-b4c6f1a2e937";
    static final UUID VOLUNTEER_ID = UUID.fromString(VOLUNTEER);

    record Trip(UUID request, UUID hub, UUID location, UUID delivery) {
    }

    @Test
    @TestSecurity(user = VOLUNTEER, roles = "volunteer")
    void theWholeSagaFromRequestToCompletedDelivery() {
        Trip trip = scheduledTrip("deliv-whole", 3, 2);
        // Only the one scheduled delivery exists, for the assigned volunteer, from the location that has the stock.
        assertThat(DB.rows("SELECT volunteer_id, pickup_location_id, status FROM deliveries WHERE request_id = ?", trip.request()))
                .extracting(r -> r.get("volunteer_id") + "/" + r.get("pickup_location_id") + "/" + r.get("status"))
                .containsExactly(VOLUNTEER_ID + "/" + trip.location() + "/scheduled");

        given().contentType(ContentType.JSON).when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up")
                .then().statusCode(200).body("status", equalTo("picked-up"));
        // Issued: gone from the shelf and no longer reserved.
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", trip.location())).isEqualTo(1);
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", trip.location())).isZero();

        given().contentType(ContentType.JSON).when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/delivery-not-scheduled"));
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", trip.location())).isEqualTo(1);

        given().when().post("/api/v1/deliveries/" + trip.delivery() + "/delivered")
                .then().statusCode(200).body("status", equalTo("delivered"));

        List<ConsumerRecord<String, byte[]>> steps = Events.logistics(trip.request().toString(),
                seen -> seen.stream().anyMatch(r -> DeliveryCompleted.class.equals(Events.type(r))));
        assertThat(steps.stream().map(Events::type).toList())
                .containsExactly(StockReserved.class, DeliveryScheduled.class, DeliveryCompleted.class);
        DeliveryCompleted completed = EventJson.read(steps.get(2).value(), DeliveryCompleted.class);
        assertThat(completed.deliveryId()).isEqualTo(trip.delivery());
        assertThat(completed.hubId()).isEqualTo(trip.hub());
        assertThat(DB.value("SELECT status FROM reservations WHERE request_id = ?", trip.request())).isEqualTo("delivered");
    }

    @Test
    @TestSecurity(user = "0b7c2d8e-1111-4a2b-9c3d-000000000001", roles = "volunteer")
    void anotherVolunteerCannotMarkTheTrip() {
        Trip trip = scheduledTrip("deliv-other", 2, 1);
        given().contentType(ContentType.JSON).when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        assertThat(DB.value("SELECT status FROM deliveries WHERE id = ?", trip.delivery())).isEqualTo("scheduled");
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", trip.location())).isEqualTo(2);
        given().when().post("/api/v1/deliveries/" + UUID.randomUUID() + "/delivered").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = VOLUNTEER, roles = "volunteer")
    void issuingMoreThanReservedIsRefusedAndNothingMoves() {
        Trip trip = scheduledTrip("deliv-more", 5, 2);
        given().contentType(ContentType.JSON).body("{\"lines\":[{\"item\":\"food-parcel\",\"quantity\":3}]}")
                .when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/issue-exceeds-reservation"));
        given().contentType(ContentType.JSON).body("{\"lines\":[{\"item\":\"food-parcel\",\"quantity\":-1}]}")
                .when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("lines[0].quantity"));
        assertThat(DB.value("SELECT status FROM deliveries WHERE id = ?", trip.delivery())).isEqualTo("scheduled");
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", trip.location())).isEqualTo(5);
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", trip.location())).isEqualTo(2);

        // Taking fewer is fine: the one left behind goes back to free stock.
        given().contentType(ContentType.JSON).body("{\"lines\":[{\"item\":\"food-parcel\",\"quantity\":1}]}")
                .when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up").then().statusCode(200);
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", trip.location())).isEqualTo(4);
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", trip.location())).isZero();
    }

    @Test
    @TestSecurity(user = VOLUNTEER, roles = "volunteer")
    void aFailedTripPutsTheGoodsBackStillReservedAndANewOfferSchedulesAgain() {
        Trip trip = scheduledTrip("deliv-failed", 4, 2);
        given().contentType(ContentType.JSON).when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"reason\":\"nobody-home\"}")
                .when().post("/api/v1/deliveries/" + trip.delivery() + "/failed")
                .then().statusCode(200).body("status", equalTo("failed"));
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", trip.location())).isEqualTo(4);
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", trip.location())).isEqualTo(2);
        assertThat(DB.value("SELECT status FROM reservations WHERE request_id = ?", trip.request())).isEqualTo("reserved");
        DeliveryFailed failed = Events.first(trip.request(), DeliveryFailed.class);
        assertThat(failed.reason()).isEqualTo("nobody-home");

        given().contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .when().post("/api/v1/deliveries/" + trip.delivery() + "/failed").then().statusCode(409);

        // The request stays open: the next accepted offer gets a new trip for the same goods.
        Events.send(Events.accepted(trip.request(), trip.hub(), VOLUNTEER_ID));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                DB.count("SELECT count(*) FROM deliveries WHERE request_id = ? AND status = 'scheduled'", trip.request()) == 1);
    }

    @Test
    @TestSecurity(user = VOLUNTEER, roles = "volunteer")
    void goodsComingBackFromATripForACancelledRequestAreFreedForEveryone() {
        Trip trip = scheduledTrip("deliv-cancelled", 3, 2);
        given().contentType(ContentType.JSON).when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up").then().statusCode(200);
        Events.send(Events.cancelled(trip.request(), trip.hub()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Boolean.FALSE.equals(DB.value("SELECT request_open FROM reservations WHERE request_id = ?", trip.request())));
        given().contentType(ContentType.JSON).body("{\"reason\":\"request-cancelled\"}")
                .when().post("/api/v1/deliveries/" + trip.delivery() + "/failed").then().statusCode(200);
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", trip.location())).isEqualTo(3);
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", trip.location())).isZero();
        assertThat(DB.value("SELECT status FROM reservations WHERE request_id = ?", trip.request())).isEqualTo("released");
        assertThat(Events.logistics(trip.request().toString(), seen -> seen.stream().anyMatch(r -> ReservationReleased.class.equals(Events.type(r)))))
                .extracting(Events::type).contains(ReservationReleased.class, DeliveryFailed.class);
    }

    @Test
    void anOfferThatOvertakesItsRequestStillGetsItsTrip() {
        UUID hub = HubIds.idOf("deliv-overtaken");
        UUID location = stock(hub, 51.7700, -3.2400, 2);
        UUID request = UUID.randomUUID();
        Events.send(Events.accepted(request, hub, VOLUNTEER_ID));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "awaiting-request".equals(DB.value("SELECT status FROM reservations WHERE request_id = ?", request)));
        Events.send(Events.submitted(request, hub, 51.7750, -3.2450, new ItemQuantity(ItemSlug.FOOD_PARCEL, 1)));
        List<ConsumerRecord<String, byte[]>> steps = Events.logistics(request.toString(),
                seen -> seen.stream().anyMatch(r -> DeliveryScheduled.class.equals(Events.type(r))));
        assertThat(steps).extracting(Events::type).containsExactly(StockReserved.class, DeliveryScheduled.class);
        assertThat(EventJson.read(steps.get(1).value(), DeliveryScheduled.class).pickupLocationId()).isEqualTo(location);
    }

    @Test
    @TestSecurity(user = "coord-deliv", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "deliv-coord"))
    void aCoordinatorOfTheHubMayMarkForTheVolunteerAndIsAudited() {
        Trip trip = scheduledTrip("deliv-coord", 2, 1);
        given().contentType(ContentType.JSON).when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up").then().statusCode(200);
        given().when().post("/api/v1/deliveries/" + trip.delivery() + "/delivered").then().statusCode(200);
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE hub_id = ? AND subject_id = ?", trip.hub(), trip.delivery().toString()))
                .isEqualTo(2);
        // Named the one way every service names a caller: role and token subject.
        assertThat(DB.rows("SELECT actor FROM audit_log WHERE hub_id = ? AND subject_id = ?", trip.hub(), trip.delivery().toString()))
                .extracting(r -> r.get("actor")).containsOnly("coordinator:coord-deliv");
    }

    @Test
    @TestSecurity(user = "coord-elsewhere", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void aCoordinatorOfAnotherHubMayNot() {
        Trip trip = scheduledTrip("deliv-elsewhere", 2, 1);
        given().contentType(ContentType.JSON).when().post("/api/v1/deliveries/" + trip.delivery() + "/picked-up").then().statusCode(403);
        assertThat(DB.value("SELECT status FROM deliveries WHERE id = ?", trip.delivery())).isEqualTo("scheduled");
    }

    @Test
    @TestSecurity(user = "coord-runs", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "deliv-runs"))
    void theDaysDeliveriesAreGroupedIntoOrderedRuns() {
        UUID hub = HubIds.idOf("deliv-runs");
        UUID location = stock(hub, 51.7727, -3.2467, 0);
        UUID reservation = UUID.randomUUID();
        DB.update("INSERT INTO reservations (id, request_id, hub_id, status, created_at, updated_at) VALUES (?, ?, ?, 'reserved', now(), now())",
                reservation, UUID.randomUUID(), hub);
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 11; i++) {
            Double lat = i == 10 ? null : 51.7727 + (random.nextDouble() - 0.5) * 0.05;
            Double lon = i == 10 ? null : -3.2467 + (random.nextDouble() - 0.5) * 0.08;
            DB.update("INSERT INTO deliveries (id, reservation_id, request_id, hub_id, pickup_location_id, volunteer_id, status, dest_lat, dest_lon, "
                            + "area, window_from, window_to, created_at) VALUES (?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, 'Georgetown', "
                            + "date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '10 hours', "
                            + "date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '14 hours', now())",
                    UUID.randomUUID(), reservation, UUID.randomUUID(), hub, location, VOLUNTEER_ID, lat, lon);
        }
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        var plan = given().queryParam("date", today).when().get("/api/v1/hubs/deliv-runs/delivery-runs")
                .then().statusCode(200).extract().jsonPath();
        List<List<Integer>> orders = plan.getList("items.stops.order");
        assertThat(orders).allMatch(o -> o.size() <= 8 && o.equals(java.util.stream.IntStream.rangeClosed(1, o.size()).boxed().toList()));
        assertThat(orders.stream().mapToInt(List::size).sum()).isEqualTo(10);
        assertThat(plan.getList("items.pickupLocationId", String.class)).allMatch(location.toString()::equals);
        assertThat(plan.getList("unrouted")).hasSize(1);
        given().queryParam("date", "yesterday").when().get("/api/v1/hubs/deliv-runs/delivery-runs")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("date"));
        given().queryParam("date", "2020-01-01").when().get("/api/v1/hubs/deliv-runs/delivery-runs")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    /** A location with food parcels, a request for some of them, and the volunteer's accepted offer. */
    static Trip scheduledTrip(String hubSlug, int onHand, int wanted) {
        UUID hub = HubIds.idOf(hubSlug);
        UUID location = stock(hub, 51.7700, -3.2400, onHand);
        UUID request = UUID.randomUUID();
        Events.send(Events.submitted(request, hub, 51.7750, -3.2450, new ItemQuantity(ItemSlug.FOOD_PARCEL, wanted)));
        Events.send(Events.accepted(request, hub, VOLUNTEER_ID));
        DeliveryScheduled event = Events.first(request, DeliveryScheduled.class);
        assertThat(event.volunteerId()).isEqualTo(VOLUNTEER_ID);
        assertThat(event.pickupLocationId()).isEqualTo(location);
        assertThat(event.window()).isNotNull();
        return new Trip(request, hub, location, event.deliveryId());
    }

    static UUID stock(UUID hub, double lat, double lon, int foodParcels) {
        UUID location = UUID.randomUUID();
        DB.update("INSERT INTO stock_locations (id, hub_id, name, kind, lat, lon, created_at) VALUES (?, ?, 'Food bank', 'food-bank', ?, ?, now())",
                location, hub, lat, lon);
        if (foodParcels > 0) {
            DB.update("INSERT INTO stock_lots (id, location_id, item, expires_on, on_hand, received_at) VALUES (?, ?, 'food-parcel', current_date + 9, ?, now())",
                    UUID.randomUUID(), location, foodParcels);
        }
        return location;
    }
}
