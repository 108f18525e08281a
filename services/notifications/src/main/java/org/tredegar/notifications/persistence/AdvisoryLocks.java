package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL transaction-scoped advisory locks on a text key: two transactions that take the same key take turns,
 * and the lock ends with the transaction. Nothing is stored.
 */
final class AdvisoryLocks {
    private AdvisoryLocks() {
    }

    static Uni<Void> hold(String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked", Integer.class)
                .setParameter(1, key).getSingleResult()).replaceWithVoid();
    }
}
