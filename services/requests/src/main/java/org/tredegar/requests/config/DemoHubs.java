package org.tredegar.requests.config;

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
import org.tredegar.requests.domain.HubDirectory;
import org.tredegar.requests.persistence.HubEntity;

import java.util.List;
import java.util.Locale;

/**
 * The local demo's hubs (CONVENTIONS "Local demo"): Tredegar and Ebbw Vale, each with an area of a few km
 * around its centre. Loaded only when {@code tredegar.demo.enabled} is on (./tredegar up, tests).
 */
@ApplicationScoped
public class DemoHubs {
    private static final Logger LOG = Logger.getLogger(DemoHubs.class);

    @ConfigProperty(name = "tredegar.demo.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    HubDirectory directory;

    record DemoHub(String slug, String name, double lat, double lon, List<String> districts, double halfSideKm) {
    }

    static final List<DemoHub> HUBS = List.of(
            new DemoHub("tredegar", "Tredegar Mutual Aid", 51.7727, -3.2467, List.of("NP22"), 2.0),
            new DemoHub("ebbw-vale", "Ebbw Vale Mutual Aid", 51.7776, -3.2066, List.of("NP23"), 2.0));

    void load(@Observes StartupEvent ignored) throws Throwable {
        if (!enabled) {
            return;
        }
        // Startup runs outside a Vert.x context, which Hibernate Reactive needs: borrow one.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (DemoHub hub : HUBS) {
                chain = chain.chain(() -> HubEntity.<HubEntity>findById(HubIds.idOf(hub.slug()))
                        .chain(existing -> existing != null ? Uni.createFrom().voidItem() : toEntity(hub).persist().replaceWithVoid()));
            }
            return chain;
        }));
        directory.invalidate();
        LOG.info("demo hubs loaded: tredegar, ebbw-vale");
    }

    /** A square area around the centre; the two demo hubs' squares do not overlap (centres are ~2.8 km apart). */
    static HubEntity toEntity(DemoHub hub) {
        double dLat = hub.halfSideKm() / 111.0;
        double dLon = hub.halfSideKm() / (111.0 * Math.cos(Math.toRadians(hub.lat())));
        // Split the difference between the two hubs: each square stops 1.4 km east/west of its centre.
        double eastWest = Math.min(dLon, 1.35 / (111.0 * Math.cos(Math.toRadians(hub.lat()))));
        HubEntity e = new HubEntity();
        e.id = HubIds.idOf(hub.slug());
        e.slug = hub.slug();
        e.name = hub.name();
        e.centreLat = hub.lat();
        e.centreLon = hub.lon();
        e.timezone = "Europe/London";
        e.areas = String.format(Locale.ROOT, "[{\"name\":\"%s\",\"postcodeDistricts\":[\"%s\"],\"polygon\":"
                        + "[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]}]",
                hub.name().replace(" Mutual Aid", ""), String.join("\",\"", hub.districts()),
                hub.lat() - dLat, hub.lon() - eastWest, hub.lat() - dLat, hub.lon() + eastWest,
                hub.lat() + dLat, hub.lon() + eastWest, hub.lat() + dLat, hub.lon() - eastWest);
        return e;
    }
}
