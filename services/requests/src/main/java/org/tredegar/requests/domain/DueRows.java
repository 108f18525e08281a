package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.UUID;
import java.util.function.Function;

/**
 * Timers are rows: a job claims the due ones with {@code FOR UPDATE SKIP LOCKED}, so replicas (or threads) running
 * the same job at once each get different rows, and a row whose timer another one just moved on no longer matches.
 */
final class DueRows {
    private DueRows() {
    }

    /** Call inside a transaction: the claimed rows stay locked until it ends. {@code selectIds} returns id::text. */
    static Uni<Integer> claimEach(String selectIds, int batch, Function<UUID, Uni<?>> work) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(selectIds, String.class).setParameter(1, batch).getResultList())
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String id : ids) {
                        chain = chain.chain(() -> work.apply(UUID.fromString(id)).replaceWithVoid());
                    }
                    return chain.replaceWith(ids.size());
                });
    }
}
