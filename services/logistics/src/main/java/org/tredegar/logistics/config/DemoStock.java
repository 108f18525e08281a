package org.tredegar.logistics.config;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.logistics.domain.LocationItem;
import org.tredegar.logistics.domain.LocationKind;
import org.tredegar.logistics.persistence.StockLocationEntity;
import org.tredegar.logistics.persistence.StockLotEntity;
import org.tredegar.logistics.persistence.StockMinimums;
import org.tredegar.platform.hub.HubIds;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The local demo's stock (CONVENTIONS "Local demo"): one location per demo hub with food parcels, blankets and
 * hygiene kits in dated lots. Ids are derived from names, so a restart finds what it created and adds nothing.
 * Loaded directly, not through receipts: demo data is not news, so no events are published for it.
 */
@ApplicationScoped
public class DemoStock {
    private static final Logger LOG = Logger.getLogger(DemoStock.class);

    @ConfigProperty(name = "tredegar.demo.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    StockMinimums minimums;

    record DemoLocation(String hub, String name, LocationKind kind, double lat, double lon, String hours) {
        UUID id() {
            return UUID.nameUUIDFromBytes(("tredegar-demo-location:" + hub).getBytes(StandardCharsets.UTF_8));
        }
    }

    record DemoLot(String item, int quantity, Integer expiresInDays, String code) {
    }

    static final List<DemoLocation> LOCATIONS = List.of(
            new DemoLocation("tredegar", "Tredegar Food Bank", LocationKind.FOOD_BANK, 51.7735, -3.2480, "Mon-Fri 10:00-16:00, Sat 10:00-12:00"),
            new DemoLocation("ebbw-vale", "Ebbw Vale Community Centre", LocationKind.COMMUNITY_CENTRE, 51.7770, -3.2050, "Mon-Sat 09:00-17:00"));

    static final List<DemoLot> LOTS = List.of(
            new DemoLot("food-parcel", 12, 10, "FP-A"),
            new DemoLot("food-parcel", 20, 45, "FP-B"),
            new DemoLot("blanket", 30, null, null),
            new DemoLot("hygiene-kit", 15, 180, "HK-1"),
            new DemoLot("hygiene-kit", 10, 365, "HK-2"));

    record DemoMinimum(String item, int minimum) {
    }

    static final List<DemoMinimum> MINIMUMS = List.of(
            new DemoMinimum("food-parcel", 10), new DemoMinimum("blanket", 5), new DemoMinimum("hygiene-kit", 5));

    void load(@Observes StartupEvent ignored) throws Throwable {
        if (!enabled) {
            return;
        }
        // Startup runs outside a Vert.x context, which Hibernate Reactive needs: borrow one.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (DemoLocation location : LOCATIONS) {
                chain = chain.chain(() -> StockLocationEntity.<StockLocationEntity>findById(location.id())
                        .chain(existing -> existing != null ? Uni.createFrom().voidItem() : create(location)));
            }
            return chain;
        }));
        LOG.info("demo stock loaded: one location per demo hub");
    }

    private Uni<Void> create(DemoLocation demo) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StockLocationEntity location = new StockLocationEntity();
        location.id = demo.id();
        location.hubId = HubIds.idOf(demo.hub());
        location.name = demo.name();
        location.kind = demo.kind();
        location.lat = demo.lat();
        location.lon = demo.lon();
        location.openingHours = demo.hours();
        location.createdAt = now;
        Uni<Void> chain = location.persist().replaceWithVoid();
        for (DemoLot demoLot : LOTS) {
            StockLotEntity lot = new StockLotEntity();
            lot.id = UUID.randomUUID();
            lot.locationId = location.id;
            lot.item = demoLot.item();
            lot.lotCode = demoLot.code();
            lot.expiresOn = demoLot.expiresInDays() == null ? null : today.plusDays(demoLot.expiresInDays());
            lot.onHand = demoLot.quantity();
            lot.receivedAt = now;
            chain = chain.chain(() -> lot.persist()).replaceWithVoid();
        }
        for (DemoMinimum minimum : MINIMUMS) {
            chain = chain.chain(() -> minimums.addIfAbsent(new LocationItem(location.id, minimum.item()), minimum.minimum()));
        }
        return chain;
    }
}
