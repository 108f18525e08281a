package org.tredegar.volunteers.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.persistence.VolunteerContacts;
import org.tredegar.volunteers.persistence.VolunteerEntity;

/**
 * The duty switch for people who work by text only (signed up with a code, no account): the number is found by its
 * keyed hash, as at sign-up, and the switch is the same one {@code PUT /me/duty} flips (so the change is announced
 * with VolunteerAvailabilityChanged and matching stops or starts asking them).
 */
@ApplicationScoped
public class DutyByMessage {
    @Inject
    Profiles profiles;
    @Inject
    VolunteerContacts contacts;
    @Inject
    ContactCipher cipher;

    /** {@code channel} as the slug the contact was registered with (sms, email). */
    public Uni<VolunteerEntity> set(String channel, String value, boolean onDuty) {
        String hash = cipher.lookupHash(channel, value);
        return Panache.withSession(() -> contacts.byLookupHash(hash))
                // The same answer for "no such number" as for any unknown id: the caller learns nothing more.
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("a volunteer with this contact"))
                .chain(contact -> profiles.setOnDuty(Account.byId(contact.volunteerId), onDuty));
    }
}
