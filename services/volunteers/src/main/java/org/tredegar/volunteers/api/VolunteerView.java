package org.tredegar.volunteers.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A volunteer's profile as they (or their hub's coordinators) see it. Never carries contact details. */
public record VolunteerView(
        UUID id,
        String displayName,
        List<String> hubs,
        SignUp.Home location,
        double radiusKm,
        List<String> skills,
        List<String> verifiedSkills,
        List<String> languages,
        List<SignUp.Window> availability,
        boolean onDuty,
        SignUp.Limits limits,
        boolean smsOnly,
        Instant createdAt,
        Instant updatedAt) {
}
