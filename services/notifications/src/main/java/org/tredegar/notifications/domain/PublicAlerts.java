package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.notifications.persistence.Alerts;
import org.tredegar.platform.audit.AuditTrail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Public alerts ("warming centre open at the library tonight"): a hub's coordinators publish them, audited in the
 * hub's chain; anyone reads the current ones (not expired), the newest first.
 */
@ApplicationScoped
public class PublicAlerts {
    @Inject
    Alerts alerts;
    @Inject
    AuditTrail audit;

    public Uni<Alert> publish(Alert alert, String actor) {
        return Panache.withTransaction(() -> alerts.insert(alert)
                        .chain(() -> audit.record(alert.hubId(), actor, "alert.published", alert.id().toString(),
                                alert.severity() + "/" + alert.urgency())))
                .replaceWith(alert);
    }

    /** Up to {@code limit} alerts current at {@code now}, before feed position {@code beforeSeq}. */
    public Uni<List<Alert>> current(long beforeSeq, Instant now, int limit) {
        return Panache.withSession(() -> alerts.currentBefore(beforeSeq, now, limit));
    }

    /** Any alert by id, expired ones too: a link to one keeps working. */
    public Uni<Optional<Alert>> find(UUID id) {
        return Panache.withSession(() -> alerts.find(id));
    }
}
