package org.tredegar.volunteers.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.volunteers.persistence.Offers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Offers nobody answered in time expire, and the next candidates are asked in their place. Each request is
 * handled in its own transaction under its round's lock, so several replicas may run this at once: the second
 * finds nothing left to expire. When nobody is left to ask, nothing more happens here — the requests service
 * escalates by its own timer.
 */
@ApplicationScoped
public class OfferExpiry {
    private static final Logger LOG = Logger.getLogger(OfferExpiry.class);
    static final int BATCH = 200;

    @Inject
    OfferRounds rounds;
    @Inject
    Offers offers;

    @Scheduled(every = "${tredegar.offers.expiry-check:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return expireDue(Instant.now()).onFailure().invoke(e -> LOG.warnf("offer expiry pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Returns how many offers expired. */
    public Uni<Integer> expireDue(Instant now) {
        return Panache.withSession(() -> offers.requestsWithDueOffers(now, BATCH)).chain(requests -> expireEach(requests, now));
    }

    private Uni<Integer> expireEach(List<UUID> requests, Instant now) {
        if (requests.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(requests)
                .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(() -> rounds.expireDue(id, now)))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
