package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.logistics.domain.ReservationStatus;

import java.util.List;
import java.util.UUID;

/** Reservations ({@link ReservationEntity}): the saga state, one per request. In the caller's transaction. */
@ApplicationScoped
public class Reservations {
    /**
     * The status stays written out in the text, where the planner sees that the partial index
     * {@code reservations_waiting (… WHERE status = 'failed')} applies.
     */
    private static final String WAITING = "SELECT id FROM reservations WHERE hub_id = ?1 AND status = '"
            + ReservationStatus.FAILED.slug() + "' ORDER BY created_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED";

    /** The request's reservation, or null when nothing was heard of the request yet. */
    public Uni<ReservationEntity> ofRequest(UUID requestId) {
        return ReservationEntity.<ReservationEntity>find("requestId", requestId).firstResult();
    }

    /**
     * Up to {@code limit} of the hub's waiting (failed) reservations, oldest first, locked. Rows another transaction
     * already holds are skipped, not waited for. Flushes first, so the native lock sees this transaction's changes.
     */
    public Uni<List<ReservationEntity>> lockWaiting(UUID hubId, int limit) {
        return Panache.getSession().chain(session -> session.flush()
                        .chain(() -> session.createNativeQuery(WAITING, UUID.class)
                                .setParameter(1, hubId).setParameter(2, limit).getResultList()))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ReservationEntity>of())
                        : ReservationEntity.<ReservationEntity>list("id in ?1 order by createdAt, id", ids));
    }
}
