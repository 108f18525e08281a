package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.contracts.requests.v1.FollowUpDue;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.HelpRequests;

import java.time.Instant;
import java.util.UUID;

/**
 * Some days after help was given, FollowUpDue asks notifications to check with the person ("do you still need
 * help?"). Once per fulfilment: the timer is cleared in the same transaction. A "yes" by SMS or on the tracking
 * page reopens the request.
 */
@ApplicationScoped
public class FollowUpJob {
    private static final Logger LOG = Logger.getLogger(FollowUpJob.class);

    @Inject
    HelpRequests requests;
    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "tredegar.follow-up.batch", defaultValue = "100")
    int batch;

    @Scheduled(identity = "follow-up", every = "${tredegar.follow-up.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() throws Throwable {
        int due = runOnce();
        if (due > 0) {
            LOG.infof("follow-up due for %d request(s)", due);
        }
    }

    public int runOnce() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> DueRows.handleEach(requests.claimDueFollowUps(batch), this::due)));
    }

    private Uni<?> due(UUID id) {
        return HelpRequestEntity.<HelpRequestEntity>findById(id).chain(r -> {
            r.followUpAt = null;
            return outbox.append(new FollowUpDue(r.id, r.hubId, r.language, Instant.now()));
        });
    }
}
