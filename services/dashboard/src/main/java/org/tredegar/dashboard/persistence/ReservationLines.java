package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** Stock set aside for a request, per reservation, location and item ({@code reservation_line}). Insert-once. */
@ApplicationScoped
public class ReservationLines {
    public Uni<Void> reserved(UUID reservationId, UUID locationId, String item, UUID hubId, UUID requestId,
                              int quantity, Instant at) {
        return run("INSERT INTO reservation_line (reservation_id, location_id, item, hub_id, "
                        + "request_id, quantity, reserved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
                reservationId, locationId, item, hubId, requestId, quantity, at).replaceWithVoid();
    }
}
