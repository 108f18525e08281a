package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.requests.persistence.HelpRequests;

import java.time.Instant;
import java.util.UUID;

/**
 * Nobody took a request in time: raise its escalation level (1 = widen the radius, 2 = ask neighbouring hubs,
 * 3 = a coordinator calls back), publish RequestEscalated, and set the next deadline — none after level 3.
 * The deadline is the row's {@code escalate_at}, so timers survive restarts and fire once across replicas.
 */
@ApplicationScoped
public class EscalationJob {
    private static final Logger LOG = Logger.getLogger(EscalationJob.class);

    @Inject
    HelpRequests requests;
    @Inject
    RequestTransitions transitions;
    @Inject
    EscalationPolicy policy;

    @ConfigProperty(name = "tredegar.escalation.batch", defaultValue = "100")
    int batch;

    @Scheduled(identity = "escalation", every = "${tredegar.escalation.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() throws Throwable {
        int escalated = runOnce();
        if (escalated > 0) {
            LOG.infof("escalated %d request(s)", escalated);
        }
    }

    /** One pass over what is due; blocking, callable from any non-event-loop thread (jobs, tests). */
    public int runOnce() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(this::escalateDue);
    }

    public Uni<Integer> escalateDue() {
        return Panache.withTransaction(() -> DueRows.handleEach(requests.claimDueEscalations(batch), this::escalate));
    }

    private Uni<?> escalate(UUID id) {
        return transitions.move(id, RequestStatus.ESCALATED, Actors.SYSTEM, "no match in time", null, r -> {
            Instant now = Instant.now();
            r.escalationLevel++;
            r.escalateAt = r.escalationLevel < EscalationPolicy.MAX_LEVEL ? policy.next(r.urgency, now) : null;
            return new RequestEscalated(r.id, r.hubId, r.escalationLevel, r.urgency, r.category,
                    Locations.approximate(r.lat, r.lon), now);
        });
    }
}
