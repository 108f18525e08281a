package org.tredegar.dashboard.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.config.Hubs;
import org.tredegar.dashboard.domain.HubSnapshot;
import org.tredegar.dashboard.domain.SnapshotCache;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.problem.ApiProblem;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator page (roles operator and coordinator), scoped to the hubs in the caller's {@code hubs} claim:
 * rendered once on the server, then kept live over Server-Sent Events.
 */
@Path("/operator")
@RolesAllowed({"operator", "coordinator"})
public class OperatorPage {
    /** Even when nothing changed, a hub's snapshot is re-sent this often, so ages and the stale badge stay true. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** How often a stream looks at the cached snapshots (in memory: cheap), so news leaves soon after a refresh. */
    static final Duration CHECK_EVERY = Duration.ofMillis(100);

    @Inject
    SecurityIdentity identity;
    @Inject
    Hubs hubs;
    @Inject
    SnapshotCache cache;
    @Inject
    @Location("operator/page.html")
    Template page;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Uni<String> page() {
        List<Hub> scope = scope(null);
        return cache.of(scope).chain(snapshots -> page.data("snapshots", snapshots)
                .data("user", identity.getPrincipal().getName()).createUni());
    }

    /** The same data as JSON, once (for scripts, and for pages without JavaScript). */
    @GET
    @Path("snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<HubSnapshot>> snapshot(@QueryParam("hub") String hub) {
        return cache.of(scope(hub));
    }

    /** One SSE message per hub snapshot: at once, then soon after it changed, at least every 10 s. */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<HubSnapshot> stream(@QueryParam("hub") String hub) {
        List<Hub> scope = scope(hub);
        return cache.of(scope).onItem().transformToMulti(first -> {
            Map<String, HubSnapshot> sent = new HashMap<>();
            Map<String, Long> sentAt = new HashMap<>();
            return Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(0L),
                    Multi.createFrom().ticks().every(CHECK_EVERY).onOverflow().drop())
                    .onItem().transformToIterable(tick -> {
                        long now = System.nanoTime();
                        return cache.cached(scope).stream().filter(s -> {
                            HubSnapshot last = sent.get(s.slug());
                            Long at = sentAt.get(s.slug());
                            boolean due = last == null || !sameData(last, s)
                                    || now - at >= HEARTBEAT.toNanos();
                            if (due) {
                                sent.put(s.slug(), s);
                                sentAt.put(s.slug(), now);
                            }
                            return due;
                        }).toList();
                    });
        });
    }

    /** Changed apart from the clock: the generation time alone is no news. */
    private static boolean sameData(HubSnapshot a, HubSnapshot b) {
        return a.backlog().equals(b.backlog()) && a.byStatus().equals(b.byStatus()) && a.supply().equals(b.supply())
                && a.claims().equals(b.claims()) && a.stockAlerts().equals(b.stockAlerts())
                && a.notifications().equals(b.notifications()) && a.deliveryFailures().equals(b.deliveryFailures())
                && a.escalations().equals(b.escalations()) && a.eventRates().equals(b.eventRates())
                && java.util.Objects.equals(a.map(), b.map()) && a.stale() == b.stale();
    }

    /** The caller's hubs (or the one asked for, if it is one of them); none at all is a 403. */
    private List<Hub> scope(String only) {
        List<Hub> mine = hubs.withSlugs(HubAccess.hubsOf(identity));
        if (only != null && !only.isBlank()) {
            mine = mine.stream().filter(h -> h.slug().equals(only) || h.id().toString().equalsIgnoreCase(only)).toList();
        }
        if (mine.isEmpty()) {
            throw ApiProblem.forbidden("you act for other hubs than this one");
        }
        return mine;
    }
}
