package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.notifications.domain.TaskRelay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * {@code task_relays}: which tasks are running, so texts between their volunteer and requester can be passed on.
 * Ids only. In the caller's session or transaction.
 */
@ApplicationScoped
public class TaskRelays {
    /** Opens the relay once; a redelivered OfferAccepted changes nothing. */
    public Uni<Void> open(UUID assignmentId, UUID requestId, UUID hubId, UUID volunteerId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO task_relays (assignment_id, request_id, hub_id, "
                                + "volunteer_id, opened_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, assignmentId).setParameter(2, requestId).setParameter(3, hubId)
                .setParameter(4, volunteerId).setParameter(5, utc(now)).executeUpdate()).replaceWithVoid();
    }

    /** Closes every open relay of the request (the task ended, was given back, or the request closed). */
    public Uni<Void> closeForRequest(UUID requestId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE task_relays SET closed_at = ?2 WHERE request_id = ?1 AND closed_at IS NULL")
                .setParameter(1, requestId).setParameter(2, utc(now)).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> close(UUID assignmentId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE task_relays SET closed_at = ?2 WHERE assignment_id = ?1 AND closed_at IS NULL")
                .setParameter(1, assignmentId).setParameter(2, utc(now)).executeUpdate()).replaceWithVoid();
    }

    /** The volunteer's running tasks, the latest first. */
    public Uni<List<TaskRelay>> openForVolunteer(UUID volunteerId) {
        return openWhere("volunteer_id", volunteerId);
    }

    public Uni<Optional<TaskRelay>> openForRequest(UUID requestId) {
        return openWhere("request_id", requestId).map(found -> found.stream().findFirst());
    }

    private Uni<List<TaskRelay>> openWhere(String column, UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT assignment_id, request_id, hub_id, volunteer_id "
                        + "FROM task_relays WHERE " + column + " = ?1 AND closed_at IS NULL ORDER BY opened_at DESC", Object[].class)
                .setParameter(1, id).getResultList())
                .map(rows -> rows.stream().map(r -> new TaskRelay((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3])).toList());
    }
}
