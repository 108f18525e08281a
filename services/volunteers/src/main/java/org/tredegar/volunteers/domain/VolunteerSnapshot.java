package org.tredegar.volunteers.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A volunteer as the matcher sees them: where, how far they go, what they can do, when, and how much they have
 * done lately.
 *
 * @param maxTasksPerWeek null = no limit
 * @param recentTasks     accepted or completed tasks in the last 7 days (released ones do not count: no blame)
 * @param lastTaskAt      when their latest task ended (now while one is active); null if none lately
 */
public record VolunteerSnapshot(UUID id, Set<UUID> hubIds, double lat, double lon, double radiusKm,
                                Set<Skill> skills, Set<Skill> verifiedSkills, List<String> languages,
                                WeeklyAvailability availability, ZoneId zone, Integer maxTasksPerWeek, int restHours,
                                int recentTasks, Instant lastTaskAt) {
    public VolunteerSnapshot {
        hubIds = Set.copyOf(hubIds);
        skills = Set.copyOf(skills);
        verifiedSkills = Set.copyOf(verifiedSkills);
        languages = List.copyOf(languages);
    }
}
