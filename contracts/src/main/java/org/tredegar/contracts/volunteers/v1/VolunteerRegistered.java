package org.tredegar.contracts.volunteers.v1;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.GeoPoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A volunteer joined or re-registered. The profile with contact details stays in the volunteers service. */
public record VolunteerRegistered(
        UUID volunteerId,
        UUID hubId,
        List<UUID> hubs,
        GeoPoint homeCell,
        double radiusKm,
        List<String> skills,
        List<String> languages,
        boolean smsOnly,
        Instant occurredAt) implements TredegarEvent {

    public VolunteerRegistered {
        Objects.requireNonNull(volunteerId, "volunteerId");
        Objects.requireNonNull(hubId, "hubId");
        hubs = List.copyOf(hubs);
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
    }

    @Override
    public String aggregateId() {
        return volunteerId.toString();
    }
}
