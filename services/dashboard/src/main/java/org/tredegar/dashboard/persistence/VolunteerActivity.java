package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/**
 * The days a volunteer took, started or finished a task ({@code volunteer_activity}), for the public "volunteers
 * active". Kept per (UTC) day: the public figures count people, not events, and a day says less than a time.
 */
@ApplicationScoped
public class VolunteerActivity {
    /** The volunteer was active on the day of {@code at}; nothing without a volunteer. */
    public Uni<Void> active(UUID volunteerId, UUID hubId, Instant at) {
        if (volunteerId == null) {
            return Uni.createFrom().voidItem();
        }
        return run("INSERT INTO volunteer_activity (volunteer_id, hub_id, day) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                volunteerId, hubId, at.atZone(ZoneOffset.UTC).toLocalDate()).replaceWithVoid();
    }
}
