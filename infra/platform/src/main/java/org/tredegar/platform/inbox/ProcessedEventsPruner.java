package org.tredegar.platform.inbox;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Forgets processed event ids once no copy of the event can arrive any more: after the topics' retention (7 days)
 * plus a margin, a redelivery or a replay of that id is impossible, so keeping the id only grows the table.
 */
@ApplicationScoped
public class ProcessedEventsPruner {
    private static final Logger LOG = Logger.getLogger(ProcessedEventsPruner.class);

    @Inject
    Pool pool;

    @ConfigProperty(name = "tredegar.inbox.retention", defaultValue = "P30D")
    Duration retention;

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void prune() {
        pool.preparedQuery("DELETE FROM processed_events WHERE processed_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .subscribe().with(rows -> LOG.debugf("forgot %d processed event ids", rows.rowCount()),
                        e -> LOG.warnf("pruning processed_events failed: %s", e.getMessage()));
    }
}
