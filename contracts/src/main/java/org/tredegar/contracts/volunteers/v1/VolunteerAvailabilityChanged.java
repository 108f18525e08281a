package org.tredegar.contracts.volunteers.v1;

import org.tredegar.contracts.TredegarEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A volunteer went on or off duty. */
public record VolunteerAvailabilityChanged(
        UUID volunteerId,
        UUID hubId,
        boolean onDuty,
        Instant occurredAt) implements TredegarEvent {

    public VolunteerAvailabilityChanged {
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(hubId, "hubId");
    }

    @Override
    public String aggregateId() {
        return volunteerId.toString();
    }
}
