package org.tredegar.dashboard.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.tredegar.platform.persistence.SqlTime;

import java.time.Instant;

/** Native SQL inside the caller's Hibernate Reactive transaction (the inbox's, so writes and the event id commit together). */
final class Statements {
    private Statements() {
    }

    static Uni<Integer> run(String sql, Object... params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                query.setParameter(i + 1, p instanceof Instant instant ? SqlTime.utc(instant) : p);
            }
            return query.executeUpdate();
        });
    }
}
