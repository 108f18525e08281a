package org.tredegar.volunteers.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Volunteers' sealed contacts ({@link VolunteerContactEntity}), found by the keyed hash of the number or address. */
@ApplicationScoped
public class VolunteerContacts {
    /** The contact with this lookup hash, or null: whose phone or email it is. In the caller's session. */
    public Uni<VolunteerContactEntity> byLookupHash(String lookupHash) {
        return VolunteerContactEntity.<VolunteerContactEntity>find("lookupHash", lookupHash).firstResult();
    }
}
