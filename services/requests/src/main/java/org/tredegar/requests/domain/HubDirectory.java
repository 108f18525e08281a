package org.tredegar.requests.domain;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.Hubs;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hubs, held in memory: every intake routes against them, so no intake reads them from the database.
 * A change to the {@code hubs} table is announced ({@link Hubs#listen}) and every replica reloads at once;
 * {@link #invalidate()} does the same for a change made here, and a snapshot older than {@link #REFRESH_AFTER}
 * is reloaded in the background (a missed notification costs at most that long) while callers keep using it.
 * Loads are shared: many callers waiting for hubs cause one query.
 */
@ApplicationScoped
public class HubDirectory {
    private static final Logger LOG = Logger.getLogger(HubDirectory.class);
    static final Duration REFRESH_AFTER = Duration.ofSeconds(30);

    @Inject
    Hubs table;

    /** {@code generation}: the value of {@link #generation} when the load started; older than now = stale. */
    private record Snapshot(List<Hub> hubs, long loadedAtNanos, long generation) {
    }

    private record Load(long generation, Uni<List<Hub>> hubs) {
    }

    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(List.of(), 0, -1);
    private final AtomicReference<Load> loading = new AtomicReference<>();

    /** Where a request belongs: the hub whose area contains it; else the nearest hub, flagged as outside. */
    public record Routing(Hub hub, boolean outsideHubArea) {
    }

    void listen(@Observes StartupEvent ignored) {
        table.listen(() -> {
            invalidate();
            load().subscribe().with(hubs -> LOG.debugf("hubs changed: %d loaded", hubs.size()),
                    e -> LOG.warnf("could not reload hubs after a change: %s", e.getMessage()));
        }, e -> LOG.warnf("cannot LISTEN for hub changes (%s); hubs refresh every %s", e.getMessage(), REFRESH_AFTER));
    }

    void stop(@Observes ShutdownEvent ignored) {
        table.stopListening();
    }

    public Uni<List<Hub>> all() {
        List<Hub> hubs = current();
        return hubs != null ? Uni.createFrom().item(hubs) : load();
    }

    /**
     * The hubs in memory, or null when they must be (re)loaded first: nothing loaded yet, none found last time, or
     * changed since. A snapshot past {@link #REFRESH_AFTER} is still answered, and reloaded in the background.
     */
    public List<Hub> current() {
        Snapshot s = snapshot;
        if (s.generation() != generation.get() || s.hubs().isEmpty()) {
            return null;
        }
        if (System.nanoTime() - s.loadedAtNanos() > REFRESH_AFTER.toNanos()) {
            load().subscribe().with(hubs -> { }, e -> LOG.warnf("could not refresh hubs: %s", e.getMessage()));
        }
        return s.hubs();
    }

    /** The next caller gets the hubs as they are in the database now. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    /** One query however many callers ask while it runs (a load that started before a change does not count). */
    private Uni<List<Hub>> load() {
        long wanted = generation.get();
        Load running = loading.get();
        if (running != null && running.generation() >= wanted) {
            return running.hubs();
        }
        Load[] self = new Load[1];
        Uni<List<Hub>> query = table.all()
                .invoke(hubs -> snapshot = new Snapshot(hubs, System.nanoTime(), wanted))
                .onTermination().invoke(() -> loading.compareAndSet(self[0], null))
                .memoize().indefinitely();
        self[0] = new Load(wanted, query);
        return loading.compareAndSet(running, self[0]) ? query : load();
    }

    /** Accepts the id or the slug, as every {hubId} in our paths does. */
    public Uni<Hub> find(String idOrSlug) {
        return all().map(hubs -> hubs.stream()
                .filter(h -> h.slug().equals(idOrSlug) || h.id().toString().equals(idOrSlug))
                .findFirst().orElseThrow(() -> ApiProblem.notFound("hub " + idOrSlug)));
    }

    /**
     * The hub people reach on this number (E.164; spaces are ignored); 404 {@code hub-not-found} when it is no hub's.
     * A number just given to a hub is found at once: a miss reloads the hubs before it answers.
     */
    public Uni<Hub> atSmsNumber(String number) {
        String wanted = number.replaceAll("[\\s()-]", "");
        return all().chain(hubs -> withNumber(hubs, wanted).map(found -> Uni.createFrom().item(found))
                .orElseGet(() -> {
                    invalidate();
                    return load().map(fresh -> withNumber(fresh, wanted).orElseThrow(() -> new ApiProblem(404,
                            "hub-not-found", "No hub has this number", "no hub takes texts on " + wanted)));
                }));
    }

    private static Optional<Hub> withNumber(List<Hub> hubs, String number) {
        return hubs.stream().filter(h -> number.equals(h.smsNumber())).findFirst();
    }

    public Uni<Optional<Hub>> byId(UUID id) {
        return all().map(hubs -> hubs.stream().filter(h -> h.id().equals(id)).findFirst());
    }

    public Uni<Routing> route(GeoPoint point, String area) {
        return all().map(hubs -> route(hubs, point, area));
    }

    /** Routing against a list of hubs, e.g. {@link #current()}. */
    public static Routing route(List<Hub> hubs, GeoPoint point, String area) {
        if (hubs.isEmpty()) {
            throw new ApiProblem(503, "no-hubs", "No hub is set up yet", "no hub can take requests yet");
        }
        if (point != null) {
            for (Hub h : hubs) {
                if (h.covers(point)) {
                    return new Routing(h, false);
                }
            }
            return new Routing(hubs.stream().min(Comparator.comparingDouble(h -> h.distanceKm(point))).orElseThrow(), true);
        }
        for (Hub h : hubs) {
            if (h.hasArea(area)) {
                return new Routing(h, false);
            }
        }
        // As a text is read: a full postcode of a hub's district ("NP22 3AA") or a street or landmark it knows.
        for (Hub h : hubs) {
            if (SmsPlaces.in(h, area).isPresent()) {
                return new Routing(h, false);
            }
        }
        throw ApiProblem.badField("location.area",
                "'" + area + "' is not an area or postcode district any hub covers; give lat/lon instead");
    }
}
