package org.tredegar.requests.domain;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.requests.persistence.IssuedCodes;

/** Expired one-time codes keep no secret: their sealed copies are wiped, and codes long expired are forgotten. */
@ApplicationScoped
public class OneTimeCodeCleanup {
    private static final Logger LOG = Logger.getLogger(OneTimeCodeCleanup.class);

    @Inject
    IssuedCodes issued;

    @Scheduled(identity = "one-time-code-cleanup", every = "${tredegar.contacts.erasure-code-cleanup-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return wipeExpired().invoke(wiped -> {
            if (wiped > 0) {
                LOG.infof("wiped %d expired one-time code(s)", wiped);
            }
        }).replaceWithVoid();
    }

    /** One pass; returns how many sealed copies were wiped. */
    public Uni<Integer> wipeExpired() {
        return issued.wipeExpired();
    }
}
