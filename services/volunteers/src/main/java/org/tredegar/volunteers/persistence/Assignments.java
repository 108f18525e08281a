package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.platform.persistence.SqlTime;
import org.tredegar.volunteers.domain.AssignmentStatus;
import org.tredegar.volunteers.domain.Boards;
import org.tredegar.volunteers.domain.Keyset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.utc;

/**
 * Assignments ({@link AssignmentEntity}): a volunteer holding a request. A partial unique index allows one active
 * assignment per request; completing and releasing are conditional on {@code status = 'active'}, so each happens
 * once. In the caller's session or transaction.
 */
@ApplicationScoped
public class Assignments {
    /** An assignment as a change to it is checked against: who holds it, for which request and hub. */
    public record Found(UUID requestId, UUID volunteerId, UUID hubId, AssignmentStatus status) {
    }

    public Uni<Optional<Found>> find(UUID assignmentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT request_id, volunteer_id, hub_id, status "
                        + "FROM assignments WHERE id = ?1", Object[].class).setParameter(1, assignmentId).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new Found((UUID) r[0], (UUID) r[1], (UUID) r[2],
                        AssignmentStatus.fromSlug((String) r[3]))));
    }

    /** The active assignment is completed; false if it was not active (already completed or given back). */
    public Uni<Boolean> complete(UUID assignmentId, Instant now) {
        return finish(assignmentId, AssignmentStatus.COMPLETED, "completed_at", null, now);
    }

    /** The active assignment is given back, with the volunteer's reason if any; false if it was not active. */
    public Uni<Boolean> release(UUID assignmentId, String reason, Instant now) {
        return finish(assignmentId, AssignmentStatus.RELEASED, "released_at", reason, now);
    }

    private Uni<Boolean> finish(UUID assignmentId, AssignmentStatus status, String timeColumn, String reason, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE assignments SET status = ?2, " + timeColumn + " = ?3, "
                        + "release_reason = NULLIF(?4, '') WHERE id = ?1 AND status = '" + AssignmentStatus.ACTIVE.slug() + "'")
                .setParameter(1, assignmentId).setParameter(2, status.slug()).setParameter(3, utc(now))
                .setParameter(4, reason == null ? "" : reason).executeUpdate())
                .map(updated -> updated > 0);
    }

    /** A hub's assignments in one status, longest held first, after {@code after}; at most {@code rows}. */
    public Uni<List<Boards.AssignmentLine>> ofHub(UUID hubId, AssignmentStatus status, Keyset after, int rows) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "SELECT a.id, a.request_id, a.volunteer_id, v.display_name, a.status, a.accepted_at, a.completed_at, "
                                        + "a.released_at FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id "
                                        + "WHERE a.hub_id = ?1 AND a.status = ?2 AND (a.accepted_at, a.id) > (?3, ?4) "
                                        + "ORDER BY a.accepted_at, a.id LIMIT ?5", Object[].class)
                        .setParameter(1, hubId).setParameter(2, status.slug())
                        .setParameter(3, utc(after.at())).setParameter(4, after.id()).setParameter(5, rows)
                        .getResultList())
                .map(found -> found.stream().map(r -> new Boards.AssignmentLine((UUID) r[0], (UUID) r[1], (UUID) r[2],
                        (String) r[3], AssignmentStatus.fromSlug((String) r[4]), SqlTime.instant(r[5]), SqlTime.instant(r[6]),
                        SqlTime.instant(r[7]))).toList());
    }
}
