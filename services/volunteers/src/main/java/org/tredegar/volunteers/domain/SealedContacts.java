package org.tredegar.volunteers.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.persistence.VolunteerContactEntity;
import org.tredegar.volunteers.persistence.VolunteerEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * Volunteers' phone numbers and email addresses: sealed with AES-GCM apart from the profile, found again by a keyed
 * hash, opened only for one send and every opening audited.
 */
@ApplicationScoped
public class SealedContacts {
    @Inject
    ContactCipher cipher;
    @Inject
    AuditTrail audit;

    /** @param firstName the first word of the display name ({@link VolunteerRecords#firstName}), or null */
    public record OpenedContact(String channel, String value, String language, String firstName) {
    }

    /** The keyed hash a contact is found by (the same for the same number or address, whoever gives it). */
    public String lookupHash(Profile.Contact contact) {
        return cipher.lookupHash(contact.channel().slug(), contact.value());
    }

    /** The volunteer's contact sealed for storing; the volunteer id is bound to the ciphertext. */
    public VolunteerContactEntity seal(UUID volunteerId, Profile.Contact contact) {
        ContactCipher.Sealed sealed = cipher.seal(contact.value(), volunteerId.toString());
        VolunteerContactEntity entity = new VolunteerContactEntity();
        entity.volunteerId = volunteerId;
        entity.channel = contact.channel().slug();
        entity.keyId = sealed.keyId();
        entity.nonce = sealed.nonce();
        entity.ciphertext = sealed.ciphertext();
        entity.lookupHash = lookupHash(contact);
        entity.createdAt = Instant.now();
        return entity;
    }

    /**
     * Opens a volunteer's sealed contact for one send, with their first name (what a requester may be told); audited
     * by id, the value never leaves this answer.
     */
    public Uni<OpenedContact> open(UUID volunteerId, String actor) {
        return Panache.withTransaction(() -> VolunteerEntity.<VolunteerEntity>findById(volunteerId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("volunteer " + volunteerId))
                .chain(v -> VolunteerContactEntity.<VolunteerContactEntity>findById(volunteerId)
                        .onItem().ifNull().failWith(() -> ApiProblem.notFound("a contact for volunteer " + volunteerId))
                        .call(c -> audit.record(v.hubId, actor, "volunteer.contact-read", v.id.toString(), c.channel))
                        .map(c -> new OpenedContact(c.channel,
                                cipher.open(new ContactCipher.Sealed(c.keyId, c.nonce, c.ciphertext), v.id.toString()),
                                VolunteerRecords.firstLanguage(v), VolunteerRecords.firstName(v.displayName)))));
    }
}
