package org.tredegar.volunteers.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.volunteers.persistence.OneTimeCodes;
import org.tredegar.volunteers.persistence.SignUps;

import java.time.Duration;
import java.time.Instant;

/**
 * Sign-ups by code keep secrets no longer than needed: an expired code loses its sealed copy, and a sign-up is
 * forgotten {@code forget-after} past its last code's expiry (an unconfirmed one with its profile and sealed
 * contact). Every replica may run it: the second finds nothing left to do.
 */
@ApplicationScoped
public class SignUpCleanup {
    private static final Logger LOG = Logger.getLogger(SignUpCleanup.class);

    @Inject
    OneTimeCodes codes;
    @Inject
    SignUps signUps;

    @ConfigProperty(name = "tredegar.sign-ups.forget-after", defaultValue = "P1D")
    Duration forgetAfter;

    @Scheduled(identity = "sign-up-cleanup", every = "${tredegar.sign-ups.cleanup-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return cleanUp(Instant.now()).onFailure().invoke(e -> LOG.warnf("sign-up cleanup failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Returns how many codes were wiped. */
    public Uni<Integer> cleanUp(Instant now) {
        return Panache.withTransaction(() -> codes.wipeExpired(now).call(() -> signUps.forgetExpiredBy(now.minus(forgetAfter))));
    }
}
