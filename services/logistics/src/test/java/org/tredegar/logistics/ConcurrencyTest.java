package org.tredegar.logistics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.domain.ReservationSaga;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fifty requests race for twenty food parcels: twenty are served, thirty told what is missing, and at no point is
 * more promised than is on the shelf. Once through fifty truly parallel transactions, once through the broker.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "logistics"))
class ConcurrencyTest {
    static final Db DB = Db.of("logistics");
    static final String STOCK_RESERVED = EventCatalog.of(StockReserved.class).type();
    static final String RESERVATION_FAILED = EventCatalog.of(ReservationFailed.class).type();

    @Inject
    ReservationSaga reservations;

    @Test
    void fiftyParallelReservationsNeverOversell() throws Exception {
        UUID hub = HubIds.idOf("race-direct");
        UUID near = stockedLocation(hub, 51.7700, -3.2400, 8, 4);
        UUID far = stockedLocation(hub, 51.7800, -3.2300, 6, 2);
        DB.update("INSERT INTO stock_minimums (location_id, item, minimum) VALUES (?, 'food-parcel', 5)", near);

        List<UUID> requests = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID request = UUID.randomUUID();
            requests.add(request);
            var event = Events.submitted(request, hub, 51.7701, -3.2401, new ItemQuantity(ItemSlug.FOOD_PARCEL, 1));
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> reservations.onRequestSubmitted(event)));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get();
        }
        pool.shutdown();

        assertNeverOversold(hub, near, far, requests);
        // The near location crossed its minimum of 5 once, however the fifty transactions interleaved.
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE type = ? AND message_key = ?",
                EventCatalog.of(LowStock.class).type(), near.toString())).isEqualTo(1);
    }

    @Test
    void fiftyRequestSubmittedEventsThroughTheBrokerNeverOversell() {
        UUID hub = HubIds.idOf("race-kafka");
        UUID near = stockedLocation(hub, 51.7700, -3.2400, 8, 4);
        UUID far = stockedLocation(hub, 51.7800, -3.2300, 6, 2);
        List<UUID> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID request = UUID.randomUUID();
            requests.add(request);
            Events.send(Events.submitted(request, hub, 51.7701, -3.2401, new ItemQuantity(ItemSlug.FOOD_PARCEL, 1)));
        }
        await().atMost(Duration.ofSeconds(120)).until(() ->
                DB.count("SELECT count(*) FROM reservations WHERE hub_id = ? AND status IN ('reserved', 'failed')", hub) == 50);
        assertNeverOversold(hub, near, far, requests);
    }

    /** Two lots per location (the second expiring later), so reservations also spread across lots. */
    static UUID stockedLocation(UUID hub, double lat, double lon, int soon, int later) {
        UUID location = UUID.randomUUID();
        DB.update("INSERT INTO stock_locations (id, hub_id, name, kind, lat, lon, created_at) VALUES (?, ?, 'Race', 'food-bank', ?, ?, now())",
                location, hub, lat, lon);
        DB.update("INSERT INTO stock_lots (id, location_id, item, expires_on, on_hand, received_at) VALUES (?, ?, 'food-parcel', current_date + 5, ?, now())",
                UUID.randomUUID(), location, soon);
        DB.update("INSERT INTO stock_lots (id, location_id, item, expires_on, on_hand, received_at) VALUES (?, ?, 'food-parcel', current_date + 50, ?, now())",
                UUID.randomUUID(), location, later);
        return location;
    }

    static void assertNeverOversold(UUID hub, UUID near, UUID far, List<UUID> requests) {
        // 20 parcels in all, 50 requests of one each.
        assertThat(DB.count("SELECT count(*) FROM stock_lots WHERE location_id IN (?, ?) AND (reserved > on_hand OR on_hand < 0 OR reserved < 0)",
                near, far)).isZero();
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id IN (?, ?)", near, far)).isEqualTo(20);
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id IN (?, ?)", near, far)).isEqualTo(20);
        assertThat(DB.count("SELECT count(*) FROM reservations WHERE hub_id = ? AND status = 'reserved'", hub)).isEqualTo(20);
        assertThat(DB.count("SELECT count(*) FROM reservations WHERE hub_id = ? AND status = 'failed'", hub)).isEqualTo(30);
        // Lines agree with the lots, to the unit.
        assertThat(DB.count("SELECT sum(quantity) FROM reservation_lines l JOIN reservations r ON r.id = l.reservation_id "
                + "WHERE r.hub_id = ? AND l.state = 'reserved'", hub)).isEqualTo(20);
        // Nearest first, first-expiring first: the near location is emptied before the far one is touched.
        assertThat(DB.count("SELECT sum(reserved) FROM stock_lots WHERE location_id = ?", near)).isEqualTo(12);
        long served = requests.stream().filter(r -> DB.count("SELECT count(*) FROM outbox WHERE type = ? AND message_key = ?",
                STOCK_RESERVED, r.toString()) == 1).count();
        long refused = requests.stream().filter(r -> DB.count("SELECT count(*) FROM outbox WHERE type = ? AND message_key = ?",
                RESERVATION_FAILED, r.toString()) == 1).count();
        assertThat(served).isEqualTo(20);
        assertThat(refused).isEqualTo(30);
    }
}
