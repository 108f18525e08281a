package org.tredegar.requests.domain;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Timers are rows: a job claims the due ones ({@code HelpRequests.claimDue…}, {@code FOR UPDATE SKIP LOCKED}), so
 * replicas (or threads) running the same job at once each get different rows, and handles them one by one in the
 * same transaction, which keeps them locked until it ends.
 */
final class DueRows {
    private DueRows() {
    }

    /** Runs {@code work} for each claimed row in turn; returns how many there were. Call inside a transaction. */
    static Uni<Integer> handleEach(Uni<List<UUID>> claimed, Function<UUID, Uni<?>> work) {
        return claimed.chain(ids -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID id : ids) {
                chain = chain.chain(() -> work.apply(id).replaceWithVoid());
            }
            return chain.replaceWith(ids.size());
        });
    }
}
