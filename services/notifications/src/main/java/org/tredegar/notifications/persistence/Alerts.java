package org.tredegar.notifications.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.notifications.domain.Alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code alerts} ({@link AlertEntity}): the public alerts hubs published. In the caller's session or transaction. */
@ApplicationScoped
public class Alerts {

    public Uni<Void> insert(Alert alert) {
        AlertEntity a = new AlertEntity();
        a.id = alert.id();
        a.hubId = alert.hubId();
        a.hubSlug = alert.hubSlug();
        a.sender = alert.sender();
        a.sentAt = alert.sentAt();
        a.headline = alert.headline();
        a.description = alert.description();
        a.instruction = alert.instruction();
        a.severity = alert.severity();
        a.urgency = alert.urgency();
        a.certainty = alert.certainty();
        a.expiresAt = alert.expiresAt();
        return a.persist().replaceWithVoid();
    }

    /** Up to {@code limit} alerts not expired at {@code now}, before feed position {@code seq}, the newest first. */
    public Uni<List<Alert>> currentBefore(long seq, Instant now, int limit) {
        return AlertEntity.<AlertEntity>find("seq < ?1 and (expiresAt is null or expiresAt > ?2) order by seq desc", seq, now)
                .page(0, limit).list()
                .map(rows -> rows.stream().map(Alerts::alert).toList());
    }

    public Uni<Optional<Alert>> find(UUID id) {
        return AlertEntity.<AlertEntity>findById(id).map(a -> Optional.ofNullable(a).map(Alerts::alert));
    }

    private static Alert alert(AlertEntity a) {
        return new Alert(a.id, a.hubId, a.hubSlug, a.sender, a.sentAt, a.headline, a.description, a.instruction,
                a.severity, a.urgency, a.certainty, a.expiresAt, a.seq);
    }
}
