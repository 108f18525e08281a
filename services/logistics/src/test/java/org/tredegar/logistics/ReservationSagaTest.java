package org.tredegar.logistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The reservation saga driven by real RequestSubmitted/RequestCancelled CloudEvents on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "logistics"))
@TestSecurity(user = "coord-saga", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "hubs", value = "saga-fefo,saga-split,saga-retry,saga-cancel,saga-dup"))
class ReservationSagaTest {
    static final Db DB = Db.of("logistics");

    @Test
    void firstExpiringLotsAreReservedFirstAndExpiredOnesNever() {
        UUID hub = HubIds.idOf("saga-fefo");
        UUID location = Api.location("saga-fefo", "Food bank", 51.7700, -3.2400);
        Api.receive(location, "[{\"item\":\"food-parcel\",\"quantity\":5,\"expiresOn\":\"" + Api.inDays(30) + "\",\"lotCode\":\"LATE\"},"
                + "{\"item\":\"food-parcel\",\"quantity\":3,\"expiresOn\":\"" + Api.inDays(3) + "\",\"lotCode\":\"SOON\"}]");
        // A lot that went out of date on the shelf: it must not be promised to anyone.
        DB.update("INSERT INTO stock_lots (id, location_id, item, lot_code, expires_on, on_hand, reserved, received_at) "
                + "VALUES (?, ?, 'food-parcel', 'EXPIRED', current_date - 1, 10, 0, now())", UUID.randomUUID(), location);

        UUID request = UUID.randomUUID();
        Events.send(Events.submitted(request, hub, 51.7701, -3.2401, new ItemQuantity(ItemSlug.FOOD_PARCEL, 4)));

        StockReserved reserved = Events.first(request, StockReserved.class);
        assertThat(reserved.lines()).containsExactly(new StockReserved.ReservedLine(location, ItemSlug.FOOD_PARCEL, 4));
        assertThat(DB.rows("SELECT lot_code, reserved FROM stock_lots WHERE location_id = ? ORDER BY lot_code", location))
                .extracting(r -> r.get("lot_code") + "=" + r.get("reserved"))
                .containsExactly("EXPIRED=0", "LATE=1", "SOON=3");
    }

    @Test
    void theNearestLocationWithEverythingIsPreferredElseTheRequestIsSplit() {
        UUID hub = HubIds.idOf("saga-split");
        UUID near = Api.location("saga-split", "Near", 51.7700, -3.2400);
        UUID far = Api.location("saga-split", "Far", 51.8000, -3.3000);
        Api.receive(near, "[{\"item\":\"blanket\",\"quantity\":2},{\"item\":\"coat\",\"quantity\":1}]");
        Api.receive(far, "[{\"item\":\"blanket\",\"quantity\":5}]");

        // Three blankets and a coat: no single place has both, so blankets come from near first, then far.
        UUID split = UUID.randomUUID();
        Events.send(Events.submitted(split, hub, 51.7701, -3.2401,
                new ItemQuantity(ItemSlug.BLANKET, 3), new ItemQuantity(ItemSlug.COAT, 1)));
        StockReserved first = Events.first(split, StockReserved.class);
        assertThat(first.lines()).containsExactlyInAnyOrder(
                new StockReserved.ReservedLine(near, ItemSlug.BLANKET, 2),
                new StockReserved.ReservedLine(near, ItemSlug.COAT, 1),
                new StockReserved.ReservedLine(far, ItemSlug.BLANKET, 1));

        // Near is empty now; far has all four: one trip from far.
        UUID whole = UUID.randomUUID();
        Events.send(Events.submitted(whole, hub, 51.7701, -3.2401, new ItemQuantity(ItemSlug.BLANKET, 4)));
        StockReserved second = Events.first(whole, StockReserved.class);
        assertThat(second.lines()).containsExactly(new StockReserved.ReservedLine(far, ItemSlug.BLANKET, 4));
    }

    @Test
    void aShortfallIsReportedWithWhatIsMissingAndALaterReceiptFillsIt() {
        UUID hub = HubIds.idOf("saga-retry");
        UUID location = Api.location("saga-retry", "Garage", 51.7700, -3.2400);
        Api.receive(location, "[{\"item\":\"heater\",\"quantity\":1}]");

        UUID request = UUID.randomUUID();
        Events.send(Events.submitted(request, hub, 51.7701, -3.2401, new ItemQuantity(ItemSlug.HEATER, 3)));
        ReservationFailed failed = Events.first(request, ReservationFailed.class);
        assertThat(failed.missing()).containsExactly(new ItemQuantity(ItemSlug.HEATER, 2));
        // All or nothing: the one heater stays free for someone it can help now.
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", location)).isZero();

        Api.receive(location, "[{\"item\":\"heater\",\"quantity\":2}]");
        StockReserved reserved = Events.first(request, StockReserved.class);
        assertThat(reserved.lines()).containsExactly(new StockReserved.ReservedLine(location, ItemSlug.HEATER, 3));
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", location)).isEqualTo(3);
    }

    @Test
    void cancellingARequestReleasesWhatItHeld() {
        UUID hub = HubIds.idOf("saga-cancel");
        UUID location = Api.location("saga-cancel", "Food bank", 51.7700, -3.2400);
        Api.receive(location, "[{\"item\":\"hygiene-kit\",\"quantity\":4,\"expiresOn\":\"" + Api.inDays(100) + "\"}]");
        UUID request = UUID.randomUUID();
        Events.send(Events.submitted(request, hub, 51.7701, -3.2401, new ItemQuantity(ItemSlug.HYGIENE_KIT, 3)));
        Events.firstRecord(request, StockReserved.class);
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", location)).isEqualTo(3);

        Events.send(Events.cancelled(request, hub));
        ReservationReleased released = Events.first(request, ReservationReleased.class);
        assertThat(released.reason()).isEqualTo("request-cancelled");
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", location)).isZero();
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", location)).isEqualTo(4);
        assertThat(DB.value("SELECT status FROM reservations WHERE request_id = ?", request)).isEqualTo("released");
    }

    @Test
    void aDuplicateEventHasItsEffectOnce() {
        UUID hub = HubIds.idOf("saga-dup");
        UUID location = Api.location("saga-dup", "Food bank", 51.7700, -3.2400);
        Api.receive(location, "[{\"item\":\"blanket\",\"quantity\":10}]");
        UUID request = UUID.randomUUID();
        var event = Events.submitted(request, hub, 51.7701, -3.2401, new ItemQuantity(ItemSlug.BLANKET, 2));
        String ceId = Events.send(event);
        Events.send(event, ceId);
        // Same request under a new event id (a producer retry that minted a new id): still one reservation.
        Events.send(event);
        UUID marker = UUID.randomUUID();
        Events.send(Events.submitted(marker, hub, 51.7701, -3.2401, new ItemQuantity(ItemSlug.BLANKET, 1)));
        Events.firstRecord(marker, StockReserved.class);

        assertThat(DB.count("SELECT count(*) FROM reservations WHERE request_id = ?", request)).isEqualTo(1);
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", location)).isEqualTo(3);
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE message_key = ? AND type = ?", request.toString(),
                EventCatalog.of(StockReserved.class).type()))
                .isEqualTo(1);
        assertThat(DB.count("SELECT count(*) FROM processed_events WHERE consumer = 'logistics' AND event_id = ?", ceId)).isEqualTo(1);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithAReasonAndTheSagaGoesOn() {
        String key = UUID.randomUUID().toString();
        EventType<RequestSubmitted> submitted = EventCatalog.of(RequestSubmitted.class);
        Map<String, String> headers = Map.of("ce_id", UUID.randomUUID().toString(), "ce_type",
                submitted.type(), "ce_source", submitted.source(), "ce_specversion", "1.0",
                "ce_subject", key, "content-type", "application/json");
        KafkaTestClient.send(Topics.REQUESTS, key, "{\"requestId\": broken".getBytes(StandardCharsets.UTF_8), headers);
        EventType<OfferAccepted> accepted = EventCatalog.of(OfferAccepted.class);
        KafkaTestClient.send(Topics.VOLUNTEERS, key, "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", accepted.type(),
                        "ce_source", accepted.source(), "ce_specversion", "1.0", "content-type", "application/json"));

        ConsumerRecord<String, byte[]> dead = KafkaTestClient.read(Topics.deadLetter(Topics.REQUESTS, "logistics"), Duration.ofSeconds(60),
                seen -> seen.stream().anyMatch(r -> key.equals(r.key()))).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("is not JSON");
        ConsumerRecord<String, byte[]> deadOffer = KafkaTestClient.read(Topics.deadLetter(Topics.VOLUNTEERS, "logistics"), Duration.ofSeconds(60),
                seen -> seen.stream().anyMatch(r -> key.equals(r.key()))).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(deadOffer, "dead-letter-reason")).contains("does not match");

        // The channel keeps going after the poison.
        UUID location = Api.location("saga-dup", "After poison", 51.7600, -3.2300);
        Api.receive(location, "[{\"item\":\"coat\",\"quantity\":1}]");
        UUID after = UUID.randomUUID();
        Events.send(Events.submitted(after, HubIds.idOf("saga-dup"), 51.7601, -3.2301, new ItemQuantity(ItemSlug.COAT, 1)));
        Events.firstRecord(after, StockReserved.class);
    }

    static void awaitStatus(UUID request, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(DB.value("SELECT status FROM reservations WHERE request_id = ?", request)));
    }
}
