package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.notifications.domain.AttemptOutcome;
import org.tredegar.notifications.domain.WebhookAttempt;

import java.util.List;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.instant;
import static org.tredegar.platform.persistence.SqlTime.utc;

/** {@code webhook_attempts}: every attempt at a webhook delivery, one row each, as partners can list them. */
@ApplicationScoped
public class WebhookAttempts {

    public Uni<Void> insert(UUID subscriptionId, WebhookAttempt a) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO webhook_attempts (delivery_id, subscription_id, "
                                + "attempt, attempted_at, status_code, outcome, error, duration_ms, next_attempt_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, a.deliveryId()).setParameter(2, subscriptionId).setParameter(3, a.attempt())
                .setParameter(4, utc(a.attemptedAt())).setParameter(5, a.statusCode()).setParameter(6, a.outcome().slug())
                .setParameter(7, a.error()).setParameter(8, a.durationMs()).setParameter(9, utc(a.nextAttemptAt()))
                .executeUpdate()).replaceWithVoid();
    }

    /** Up to {@code limit} attempts for the subscription after list position {@code afterSeq}, oldest first. */
    public Uni<List<WebhookAttempt>> listAfter(UUID subscriptionId, long afterSeq, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT a.id, a.delivery_id, d.event_id, d.event_type, "
                                + "a.attempt, a.attempted_at, a.status_code, a.outcome, a.error, a.duration_ms, a.next_attempt_at "
                                + "FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id "
                                + "WHERE a.subscription_id = ?1 AND a.id > ?2 ORDER BY a.id LIMIT ?3", Object[].class)
                .setParameter(1, subscriptionId).setParameter(2, afterSeq).setParameter(3, limit).getResultList())
                .map(rows -> rows.stream().map(r -> new WebhookAttempt(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                        (String) r[3], ((Number) r[4]).intValue(), instant(r[5]), r[6] == null ? null : ((Number) r[6]).intValue(),
                        AttemptOutcome.fromSlug((String) r[7]), (String) r[8], ((Number) r[9]).longValue(), instant(r[10])))
                        .toList());
    }
}
