package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The profile of a sign-up by code, as JSON until it is confirmed: no contact (that is sealed apart), the home
 * already rounded as it will be stored.
 */
final class PendingProfiles {
    private PendingProfiles() {
    }

    static String store(ObjectMapper json, Profile p) {
        Profile.Home home = new Profile.Home(Geo.approximate(p.location().lat()), Geo.approximate(p.location().lon()),
                p.location().area());
        try {
            return json.writeValueAsString(new Profile(p.displayName(), p.hubs(), home, p.radiusKm(), p.skills(),
                    p.languages(), p.availability(), p.onDuty(), p.limits(), null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored profile, reached at {@code contact} again (opened from its sealed copy). */
    static Profile read(ObjectMapper json, String stored, Profile.Contact contact) {
        try {
            return json.readValue(stored, Profile.class).reachedAt(contact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored sign-up is not readable", e);
        }
    }
}
