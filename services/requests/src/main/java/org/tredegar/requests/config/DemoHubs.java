package org.tredegar.requests.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.requests.domain.Hub;
import org.tredegar.requests.domain.HubDirectory;
import org.tredegar.requests.persistence.HubEntity;

import java.util.List;

/**
 * The local demo's hubs (CONVENTIONS "Local demo"): Tredegar and Ebbw Vale, each with an area of a few km around its
 * centre, its SMS number and a few streets and places people name when they text. Loaded only when
 * {@code tredegar.demo.enabled} is on (./tredegar up, tests).
 */
@ApplicationScoped
public class DemoHubs {
    private static final Logger LOG = Logger.getLogger(DemoHubs.class);

    @ConfigProperty(name = "tredegar.demo.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    HubDirectory directory;
    @Inject
    ObjectMapper json;

    record DemoHub(String slug, String name, double lat, double lon, List<String> districts, double halfSideKm,
                   String smsNumber, List<Hub.Landmark> landmarks) {
    }

    // Landmarks: real places of each town, with points inside the hub's square (and not in the other's).
    static final List<DemoHub> HUBS = List.of(
            new DemoHub("tredegar", "Tredegar Mutual Aid", 51.7727, -3.2467, List.of("NP22"), 2.0, "+447700900100",
                    List.of(new Hub.Landmark("Bedwellty Park", 51.7694, -3.2461),
                            new Hub.Landmark("Castle Street", 51.7739, -3.2478),
                            new Hub.Landmark("The Circle", 51.7729, -3.2470),
                            new Hub.Landmark("Morgan Street", 51.7716, -3.2452))),
            new DemoHub("ebbw-vale", "Ebbw Vale Mutual Aid", 51.7776, -3.2066, List.of("NP23"), 2.0, "+447700900200",
                    List.of(new Hub.Landmark("Festival Park", 51.7668, -3.2012),
                            new Hub.Landmark("Market Street", 51.7786, -3.2071),
                            new Hub.Landmark("Bethcar Street", 51.7779, -3.2060))));

    void load(@Observes StartupEvent ignored) throws Throwable {
        if (!enabled) {
            return;
        }
        // Startup runs outside a Vert.x context, which Hibernate Reactive needs: borrow one.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (DemoHub hub : HUBS) {
                chain = chain.chain(() -> HubEntity.<HubEntity>findById(HubIds.idOf(hub.slug()))
                        .chain(existing -> existing != null ? upgrade(existing, hub) : toEntity(hub).persist().replaceWithVoid()));
            }
            return chain;
        }));
        directory.invalidate();
        LOG.info("demo hubs loaded: tredegar, ebbw-vale");
    }

    /**
     * A demo hub row from before hubs had numbers and landmarks (an old local database) gets them; a number someone
     * set is left alone.
     */
    private Uni<Void> upgrade(HubEntity existing, DemoHub hub) {
        if (existing.smsNumber == null) {
            existing.smsNumber = hub.smsNumber();
        }
        if (!existing.areas.contains("\"landmarks\"")) {
            existing.areas = toEntity(hub).areas;
        }
        return Uni.createFrom().voidItem();
    }

    /** A square area around the centre; the two demo hubs' squares do not overlap (centres are ~2.8 km apart). */
    HubEntity toEntity(DemoHub hub) {
        double dLat = hub.halfSideKm() / 111.0;
        double dLon = hub.halfSideKm() / (111.0 * Math.cos(Math.toRadians(hub.lat())));
        // Split the difference between the two hubs: each square stops 1.35 km east/west of its centre.
        double eastWest = Math.min(dLon, 1.35 / (111.0 * Math.cos(Math.toRadians(hub.lat()))));
        List<List<Double>> square = List.of(
                List.of(round(hub.lat() - dLat), round(hub.lon() - eastWest)), List.of(round(hub.lat() - dLat), round(hub.lon() + eastWest)),
                List.of(round(hub.lat() + dLat), round(hub.lon() + eastWest)), List.of(round(hub.lat() + dLat), round(hub.lon() - eastWest)));
        Hub.Area area = new Hub.Area(hub.name().replace(" Mutual Aid", ""), hub.districts(), square, hub.landmarks());
        HubEntity e = new HubEntity();
        e.id = HubIds.idOf(hub.slug());
        e.slug = hub.slug();
        e.name = hub.name();
        e.centreLat = hub.lat();
        e.centreLon = hub.lon();
        e.timezone = "Europe/London";
        e.smsNumber = hub.smsNumber();
        try {
            e.areas = json.writeValueAsString(List.of(area));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return e;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }
}
