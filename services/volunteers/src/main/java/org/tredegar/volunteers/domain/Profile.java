package org.tredegar.volunteers.domain;

import org.tredegar.contracts.model.ContactChannel;

import java.util.List;

/**
 * A volunteer's profile as given at sign-up (by the volunteer, a coordinator, or a sign-up by code), already checked
 * field by field by whoever took it in ({@link ProfileRules} checks what needs more than one field). Also the JSON a
 * pending sign-up by code keeps until it is confirmed ({@link PendingProfiles}): its field names are stored.
 *
 * @param contact        how to reach someone without an account; null for a volunteer with one
 * @param verifiedSkills only a coordinator may vouch for skills; null or empty otherwise
 */
public record Profile(String displayName, List<String> hubs, Home location, Double radiusKm, List<Skill> skills,
                      List<String> languages, List<Window> availability, Boolean onDuty, Limits limits, Contact contact,
                      List<Skill> verifiedSkills) {

    /** Where they live (stored rounded, see {@link Geo}); {@code area} is free text such as a postcode district. */
    public record Home(Double lat, Double lon, String area) {
    }

    /** A weekly window in the volunteer's timezone, {@code day} a weekday slug, "24:00" ends at midnight. */
    public record Window(String day, String from, String to) {
    }

    /** {@code maxTasksPerWeek} null = no limit; {@code restHours} null = none. */
    public record Limits(Integer maxTasksPerWeek, Integer restHours) {
    }

    public record Contact(ContactChannel channel, String value) {
    }

    /** The same profile with another contact (and no verified skills: nobody vouched for a sign-up by code). */
    public Profile reachedAt(Contact other) {
        return new Profile(displayName, hubs, location, radiusKm, skills, languages, availability, onDuty, limits, other,
                null);
    }
}
