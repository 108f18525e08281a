package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** Reservations given back ({@code reservation_release}): their stock counts as available again. */
@ApplicationScoped
public class ReservationReleases {
    /** The first release time is kept. */
    public Uni<Void> released(UUID reservationId, Instant at) {
        return run("INSERT INTO reservation_release (reservation_id, released_at) VALUES (?1, ?2) "
                + "ON CONFLICT (reservation_id) DO UPDATE SET released_at = "
                + "LEAST(reservation_release.released_at, EXCLUDED.released_at)", reservationId, at).replaceWithVoid();
    }
}
