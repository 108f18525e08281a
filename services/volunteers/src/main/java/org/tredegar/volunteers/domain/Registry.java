package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.persistence.UniqueViolations;
import org.tredegar.volunteers.persistence.VolunteerContactEntity;
import org.tredegar.volunteers.persistence.VolunteerContacts;
import org.tredegar.volunteers.persistence.VolunteerEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sign-ups: a volunteer with an account, someone a coordinator registers, someone who proved their contact with a
 * one-time code. Each one is a single transaction: the profile, its sealed contact and its events commit together.
 * Sign-up is idempotent: per account (the token subject), and per contact for people a coordinator registers — a
 * second sign-up returns the first profile and publishes nothing. Changes to a profile are {@link Profiles}'.
 */
@ApplicationScoped
public class Registry {
    @Inject
    OutboxWriter outbox;
    @Inject
    SealedContacts contacts;
    @Inject
    VolunteerContacts contactRows;
    @Inject
    Profiles profiles;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;

    public record Registered(VolunteerEntity volunteer, boolean created) {
    }

    /** A volunteer signing themselves up with their account. */
    public Uni<Registered> signUpSelf(Profile body, Account account) {
        if (body.verifiedSkills() != null && !body.verifiedSkills().isEmpty()) {
            return Uni.createFrom().failure(ApiProblem.forbidden("only a coordinator can verify skills"));
        }
        ProfileRules.listShapes(body.hubs(), body.languages());
        WeeklyAvailability availability = ProfileRules.availability(body.availability());
        return Panache.withTransaction(() -> profiles.find(account).chain(existing -> existing != null
                        ? Uni.createFrom().item(new Registered(existing, false))
                        : create(account.volunteerId(), account.subject(), body, availability, false,
                        "volunteer:" + account.volunteerId()).map(v -> new Registered(v, true))))
                // Two sign-ups of the same account raced (the other one won: return its profile), or the contact
                // given belongs to someone else.
                .onFailure(UniqueViolations::inSession).recoverWithUni(e -> Panache.withSession(
                                () -> VolunteerEntity.<VolunteerEntity>findById(account.volunteerId()))
                        .chain(v -> v != null ? Uni.createFrom().item(new Registered(v, false))
                                : Uni.createFrom().failure(contactTaken())));
    }

    /** A coordinator registering someone without an account: they are known by their contact from now on. */
    public Uni<Registered> registerByCoordinator(Profile body, String actor, Set<String> coordinatorHubs) {
        if (body.contact() == null) {
            return Uni.createFrom().failure(ApiProblem.badField("contact",
                    "a phone number or email is needed for someone without an account"));
        }
        for (String hub : body.hubs()) {
            if (!coordinatorHubs.contains(hub)) {
                return Uni.createFrom().failure(ApiProblem.forbidden("you act for other hubs than " + hub));
            }
        }
        ProfileRules.listShapes(body.hubs(), body.languages());
        WeeklyAvailability availability = ProfileRules.availability(body.availability());
        Set<Skill> skills = VolunteerRecords.skillsOf(body.skills());
        ProfileRules.verifiable(body.verifiedSkills() == null ? List.of() : body.verifiedSkills(), skills, "verifiedSkills");
        String hash = contacts.lookupHash(body.contact());
        return Panache.withTransaction(() -> contactRows.byLookupHash(hash)
                        .chain(contact -> contact != null
                                ? VolunteerEntity.<VolunteerEntity>findById(contact.volunteerId).map(v -> new Registered(v, false))
                                : create(UUID.randomUUID(), null, body, availability, true, actor)
                                .call(v -> audit.record(v.hubId, actor, "volunteer.registered", v.id.toString(), "without account"))
                                .map(v -> new Registered(v, true))))
                .onFailure(UniqueViolations::inSession).recoverWithUni(e -> Uni.createFrom().failure(contactTaken()));
    }

    /**
     * Someone who proved their phone or email with a one-time code ({@link SignUpConfirmations}): registered as a
     * coordinator registers someone without an account (sms-only, contact sealed, VolunteerRegistered — and
     * VolunteerAvailabilityChanged when on duty from the start — through the outbox). Only made here, not written:
     * the confirmation writes it in one statement with the sign-up, and only if the contact does not already belong
     * to a volunteer.
     */
    public Confirmed confirmed(Profile body, String registeredBy, Instant now) {
        WeeklyAvailability availability = ProfileRules.availability(body.availability());
        VolunteerEntity v = VolunteerRecords.newVolunteer(UUID.randomUUID(), null, body, availability, true, registeredBy,
                now, json);
        List<TredegarEvent> events = new ArrayList<>(2);
        events.add(VolunteerRecords.registered(v, now));
        if (v.onDuty) {
            events.add(VolunteerRecords.availableFromTheStart(v, now));
        }
        return new Confirmed(v, contacts.seal(v.id, body.contact()), events);
    }

    /** A volunteer as {@link #confirmed} makes them: profile, sealed contact and events, none written yet. */
    public record Confirmed(VolunteerEntity volunteer, VolunteerContactEntity contact, List<TredegarEvent> events) {
    }

    private Uni<VolunteerEntity> create(UUID id, String subject, Profile body, WeeklyAvailability availability,
                                        boolean withoutAccount, String registeredBy) {
        Instant now = StoredTime.now();
        VolunteerEntity v = VolunteerRecords.newVolunteer(id, subject, body, availability, withoutAccount, registeredBy,
                now, json);
        return enrol(v, body.contact() == null ? null : contacts.seal(v.id, body.contact()), now);
    }

    /**
     * Writes a new volunteer with their sealed contact (if any) and announces them — VolunteerRegistered, and
     * VolunteerAvailabilityChanged when on duty from the start — in the caller's transaction.
     */
    public Uni<VolunteerEntity> enrol(VolunteerEntity v, VolunteerContactEntity contact, Instant now) {
        return v.<VolunteerEntity>persist()
                .call(() -> contact == null ? Uni.createFrom().voidItem() : contact.persist())
                .call(() -> outbox.append(VolunteerRecords.registered(v, now)))
                .call(() -> v.onDuty ? outbox.append(VolunteerRecords.availableFromTheStart(v, now)) : Uni.createFrom().voidItem())
                .replaceWith(v);
    }

    private static ApiProblem contactTaken() {
        return ApiProblem.conflict("contact-registered", "this phone number or email is already registered by another volunteer");
    }
}
