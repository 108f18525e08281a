package org.tredegar.volunteers.domain;

import java.util.List;

/** A change to one's own profile: every field given (not null) replaces the stored one; the others stay as they are. */
public record ProfileChange(String displayName, List<String> hubs, Profile.Home location, Double radiusKm,
                            List<Skill> skills, List<String> languages, List<Profile.Window> availability, Boolean onDuty,
                            Profile.Limits limits) {

    public static ProfileChange onDuty(boolean onDuty) {
        return new ProfileChange(null, null, null, null, null, null, null, onDuty, null);
    }
}
