package org.tredegar.logistics.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.logistics.domain.ReservationLineState;

import java.util.List;
import java.util.UUID;

/** Reservation lines ({@link ReservationLineEntity}): what one reservation took from which lot. In the caller's transaction. */
@ApplicationScoped
public class ReservationLines {

    public Uni<List<ReservationLineEntity>> of(UUID reservationId) {
        return ReservationLineEntity.list("reservationId", reservationId);
    }

    /** The reservation's lines in one state, in id order. */
    public Uni<List<ReservationLineEntity>> inState(UUID reservationId, ReservationLineState state) {
        return ReservationLineEntity.list("reservationId = ?1 and state = ?2 order by id", reservationId, state);
    }

    /** The reservation's lines in one state taken from one pickup location, in id order. */
    public Uni<List<ReservationLineEntity>> inStateAt(UUID reservationId, UUID locationId, ReservationLineState state) {
        return ReservationLineEntity.list("reservationId = ?1 and locationId = ?2 and state = ?3 order by id",
                reservationId, locationId, state);
    }
}
