package org.tredegar.dashboard.domain;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.dashboard.config.DashboardConfig;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.config.Hubs;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator snapshots of all hubs, recomputed by a timer when events arrived (or every few seconds, as ages
 * move on), so that many open operator pages cost no more database work than one. Reads only PostgreSQL: the
 * page keeps working, with a growing "stale" age, while Kafka is unreachable.
 */
@ApplicationScoped
public class SnapshotCache {
    private static final Logger LOG = Logger.getLogger(SnapshotCache.class);
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    @Inject
    Hubs hubs;
    @Inject
    OperatorSnapshots snapshots;
    @Inject
    ReadModelProjector projector;
    @Inject
    DashboardConfig config;

    private volatile Map<String, HubSnapshot> current = Map.of();
    private volatile long computedForVersion = -1;
    private volatile long computedNanos = System.nanoTime() - MAX_AGE.toNanos();

    /**
     * Looks for news often (an in-memory check) and recomputes at once when events arrived after a quiet spell, but
     * not more often than {@code refresh-every} while they keep coming, and every 5 s anyway as ages move on.
     */
    @Scheduled(every = "PT0.1S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshWhenChanged() {
        Duration since = Duration.ofNanos(System.nanoTime() - computedNanos);
        boolean changed = projector.version() != computedForVersion && since.compareTo(config.refreshEvery()) >= 0;
        boolean old = since.compareTo(MAX_AGE) >= 0;
        if (!changed && !old) {
            return Uni.createFrom().voidItem();
        }
        long attempt = System.nanoTime();
        return refresh().onFailure().invoke(e -> {
            // Database unreachable: try again after the same pauses as after a success, not every 0.1 s.
            computedNanos = attempt;
            LOG.warnf("operator snapshot not refreshed: %s", e.getMessage());
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Recomputes every hub now. */
    public Uni<Map<String, HubSnapshot>> refresh() {
        long version = projector.version();
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return snapshots.eventRates(now).chain(rates -> Multi.createFrom().iterable(hubs.all())
                .onItem().transformToUniAndMerge(hub -> snapshots.of(hub, now, rates))
                .collect().asList()).map(list -> {
            Map<String, HubSnapshot> byHub = new LinkedHashMap<>();
            list.forEach(s -> byHub.put(s.slug(), s));
            current = Map.copyOf(byHub);
            computedForVersion = version;
            computedNanos = started;
            return current;
        });
    }

    /** The cached snapshots of these hubs (computed first if nothing is cached yet). */
    public Uni<List<HubSnapshot>> of(List<Hub> scope) {
        Uni<Map<String, HubSnapshot>> all = current.isEmpty() ? refresh() : Uni.createFrom().item(current);
        return all.map(map -> scope.stream().map(h -> map.get(h.slug())).filter(java.util.Objects::nonNull).toList());
    }

    /** What is cached now, without waiting (may be empty before the first refresh). */
    public List<HubSnapshot> cached(List<Hub> scope) {
        Map<String, HubSnapshot> map = current;
        return scope.stream().map(h -> map.get(h.slug())).filter(java.util.Objects::nonNull).toList();
    }
}
