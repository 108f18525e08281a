package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.api.ProfilePatch;
import org.tredegar.volunteers.api.SignUp;
import org.tredegar.volunteers.persistence.VolunteerContactEntity;
import org.tredegar.volunteers.persistence.VolunteerEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sign-ups and profile changes. Each one is a single transaction: the profile, its sealed contact and its event
 * commit together. Sign-up is idempotent: per account (the token subject), and per contact for people a
 * coordinator registers — a second sign-up returns the first profile and publishes nothing.
 */
@ApplicationScoped
public class Registry {
    @Inject
    OutboxWriter outbox;
    @Inject
    ContactCipher cipher;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;

    public record Registered(VolunteerEntity volunteer, boolean created) {
    }

    /** A volunteer signing themselves up with their account. */
    public Uni<Registered> signUpSelf(SignUp body, Account account) {
        if (body.verifiedSkills() != null && !body.verifiedSkills().isEmpty()) {
            return Uni.createFrom().failure(ApiProblem.forbidden("only a coordinator can verify skills"));
        }
        ProfileRules.listShapes(body.hubs(), body.languages());
        WeeklyAvailability availability = ProfileRules.availability(body.availability());
        return Panache.withTransaction(() -> find(account).chain(existing -> existing != null
                        ? Uni.createFrom().item(new Registered(existing, false))
                        : create(account.volunteerId(), account.subject(), body, availability, false,
                        "volunteer:" + account.volunteerId()).map(v -> new Registered(v, true))))
                // Two sign-ups of the same account raced (the other one won: return its profile), or the contact
                // given belongs to someone else.
                .onFailure(Registry::isUniqueViolation).recoverWithUni(e -> Panache.withSession(
                                () -> VolunteerEntity.<VolunteerEntity>findById(account.volunteerId()))
                        .chain(v -> v != null ? Uni.createFrom().item(new Registered(v, false))
                                : Uni.createFrom().failure(contactTaken())));
    }

    /** A coordinator registering someone without an account: they are known by their contact from now on. */
    public Uni<Registered> registerByCoordinator(SignUp body, String actor, Set<String> coordinatorHubs) {
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
        Set<Skill> skills = skillsOf(body.skills());
        ProfileRules.verifiable(body.verifiedSkills() == null ? List.of() : body.verifiedSkills(), skills, "verifiedSkills");
        String hash = cipher.lookupHash(body.contact().channel().slug(), body.contact().value());
        return Panache.withTransaction(() -> VolunteerContactEntity.<VolunteerContactEntity>find("lookupHash", hash).firstResult()
                        .chain(contact -> contact != null
                                ? VolunteerEntity.<VolunteerEntity>findById(contact.volunteerId).map(v -> new Registered(v, false))
                                : create(UUID.randomUUID(), null, body, availability, true, actor)
                                .call(v -> audit.record(v.hubId, actor, "volunteer.registered", v.id.toString(), "without account"))
                                .map(v -> new Registered(v, true))))
                .onFailure(Registry::isUniqueViolation).recoverWithUni(e -> Uni.createFrom().failure(contactTaken()));
    }

    /**
     * Someone who proved their phone or email with a one-time code ({@link CodeSignUps}): registered as a
     * coordinator registers someone without an account (sms-only, contact sealed, VolunteerRegistered — and
     * VolunteerAvailabilityChanged when on duty from the start — through the outbox). Only made here, not written:
     * the confirmation writes it in one statement with the sign-up, and only if the contact does not already belong
     * to a volunteer.
     */
    public Confirmed confirmed(SignUp body, String registeredBy, Instant now) {
        WeeklyAvailability availability = ProfileRules.availability(body.availability());
        VolunteerEntity v = newVolunteer(UUID.randomUUID(), null, body, availability, true, registeredBy, now);
        List<TredegarEvent> events = new ArrayList<>(2);
        events.add(registered(v, now));
        if (v.onDuty) {
            events.add(availableFromTheStart(v, now));
        }
        return new Confirmed(v, sealContact(v.id, body.contact()), events);
    }

    /** A volunteer as {@link #confirmed} makes them: profile, sealed contact and events, none written yet. */
    public record Confirmed(VolunteerEntity volunteer, VolunteerContactEntity contact, List<TredegarEvent> events) {
    }

    /**
     * The caller's profile, or null. A demo profile made for a username (./tredegar up cannot know Keycloak's
     * generated subjects) is handed over to that login on first use: its id becomes the token's subject.
     */
    public Uni<VolunteerEntity> find(Account account) {
        return VolunteerEntity.<VolunteerEntity>findById(account.volunteerId()).chain(found -> {
            if (found != null || account.username() == null) {
                return Uni.createFrom().item(found);
            }
            return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE volunteers SET id = ?1, account_subject = ?2 "
                                    + "WHERE account_username = ?3 AND account_subject IS NULL")
                            .setParameter(1, account.volunteerId()).setParameter(2, account.subject())
                            .setParameter(3, account.username()).executeUpdate())
                    .chain(claimed -> claimed == 0 ? Uni.createFrom().nullItem()
                            : VolunteerEntity.<VolunteerEntity>findById(account.volunteerId()));
        });
    }

    public Uni<VolunteerEntity> mine(Account account) {
        return Panache.withTransaction(() -> find(account)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("your volunteer profile (sign up first)")));
    }

    public Uni<VolunteerEntity> change(Account account, ProfilePatch patch) {
        ProfileRules.listShapes(patch.hubs(), patch.languages());
        WeeklyAvailability availability = patch.availability() == null ? null : ProfileRules.availability(patch.availability());
        return Panache.withTransaction(() -> find(account)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("your volunteer profile (sign up first)"))
                .chain(v -> apply(v, patch, availability)));
    }

    public Uni<VolunteerEntity> setOnDuty(Account account, boolean onDuty) {
        return change(account, new ProfilePatch(null, null, null, null, null, null, null, onDuty, null));
    }

    /** A coordinator of one of the volunteer's hubs vouches for trust-requiring skills. */
    public Uni<VolunteerEntity> verify(UUID volunteerId, List<Skill> verified, String actor, Set<String> coordinatorHubs) {
        return Panache.withTransaction(() -> VolunteerEntity.<VolunteerEntity>findById(volunteerId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("volunteer " + volunteerId))
                .chain(v -> {
                    if (hubsOf(v).stream().noneMatch(coordinatorHubs::contains)) {
                        throw ApiProblem.forbidden("this volunteer belongs to hubs you do not act for");
                    }
                    ProfileRules.verifiable(verified, Skill.parseList(v.skills), "verifiedSkills");
                    v.verifiedSkills = Skill.toList(new LinkedHashSet<>(verified));
                    v.updatedAt = Instant.now();
                    return audit.record(v.hubId, actor, "volunteer.skills-verified", v.id.toString(), v.verifiedSkills)
                            .replaceWith(v);
                }));
    }

    public record OpenedContact(String channel, String value, String language) {
    }

    /** Opens a volunteer's sealed contact for one send; audited by id, the value never leaves this answer. */
    public Uni<OpenedContact> contact(UUID volunteerId, String actor) {
        return Panache.withTransaction(() -> VolunteerEntity.<VolunteerEntity>findById(volunteerId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("volunteer " + volunteerId))
                .chain(v -> VolunteerContactEntity.<VolunteerContactEntity>findById(volunteerId)
                        .onItem().ifNull().failWith(() -> ApiProblem.notFound("a contact for volunteer " + volunteerId))
                        .call(c -> audit.record(v.hubId, actor, "volunteer.contact-read", v.id.toString(), c.channel))
                        .map(c -> new OpenedContact(c.channel,
                                cipher.open(new ContactCipher.Sealed(c.keyId, c.nonce, c.ciphertext), v.id.toString()),
                                Languages.parseList(v.languages).stream().findFirst().orElse("en")))));
    }

    private Uni<VolunteerEntity> create(UUID id, String subject, SignUp body, WeeklyAvailability availability,
                                        boolean withoutAccount, String registeredBy) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        VolunteerEntity v = newVolunteer(id, subject, body, availability, withoutAccount, registeredBy, now);
        Uni<Void> contact = body.contact() == null ? Uni.createFrom().voidItem() : sealContact(v.id, body.contact()).persist().replaceWithVoid();
        return v.<VolunteerEntity>persist()
                .call(() -> contact)
                .call(() -> outbox.append(registered(v, now)))
                .call(() -> onDutyFromTheStart(v, now))
                .replaceWith(v);
    }

    private VolunteerEntity newVolunteer(UUID id, String subject, SignUp body, WeeklyAvailability availability,
                                         boolean withoutAccount, String registeredBy, Instant now) {
        VolunteerEntity v = new VolunteerEntity();
        v.id = id;
        v.accountSubject = subject;
        v.displayName = body.displayName().strip();
        setHubs(v, body.hubs());
        setHome(v, body.location());
        v.radiusKm = body.radiusKm();
        v.skills = Skill.toList(skillsOf(body.skills()));
        v.verifiedSkills = body.verifiedSkills() == null ? "" : Skill.toList(new LinkedHashSet<>(body.verifiedSkills()));
        v.languages = Languages.toList(body.languages());
        v.availability = Availability.write(json, availability);
        v.timezone = "Europe/London";
        v.onDuty = Boolean.TRUE.equals(body.onDuty());
        setLimits(v, body.limits());
        v.smsOnly = withoutAccount;
        v.registeredBy = registeredBy;
        v.createdAt = now;
        v.updatedAt = now;
        return v;
    }

    /**
     * VolunteerRegistered does not say whether someone is on duty; a volunteer on duty from sign-up is announced as
     * available too, so read models (the dashboard's "on duty") count them without waiting for a toggle.
     */
    public Uni<?> onDutyFromTheStart(VolunteerEntity v, Instant now) {
        return v.onDuty ? outbox.append(availableFromTheStart(v, now)) : Uni.createFrom().voidItem();
    }

    private static VolunteerAvailabilityChanged availableFromTheStart(VolunteerEntity v, Instant now) {
        return new VolunteerAvailabilityChanged(v.id, v.hubId, true, now);
    }

    private Uni<VolunteerEntity> apply(VolunteerEntity v, ProfilePatch patch, WeeklyAvailability availability) {
        boolean profileChanged = patch.hubs() != null || patch.location() != null || patch.radiusKm() != null
                || patch.skills() != null || patch.languages() != null;
        boolean dutyChanged = (patch.onDuty() != null && patch.onDuty() != v.onDuty) || availability != null;
        if (patch.displayName() != null) {
            v.displayName = patch.displayName().strip();
        }
        if (patch.hubs() != null) {
            setHubs(v, patch.hubs());
        }
        if (patch.location() != null) {
            setHome(v, patch.location());
        }
        if (patch.radiusKm() != null) {
            v.radiusKm = patch.radiusKm();
        }
        if (patch.skills() != null) {
            Set<Skill> skills = skillsOf(patch.skills());
            v.skills = Skill.toList(skills);
            // A verification is for a skill the person listed; dropping the skill drops the verification.
            Set<Skill> verified = new LinkedHashSet<>(Skill.parseList(v.verifiedSkills));
            verified.retainAll(skills);
            v.verifiedSkills = Skill.toList(verified);
        }
        if (patch.languages() != null) {
            v.languages = Languages.toList(patch.languages());
        }
        if (availability != null) {
            v.availability = Availability.write(json, availability);
        }
        if (patch.onDuty() != null) {
            v.onDuty = patch.onDuty();
        }
        if (patch.limits() != null) {
            setLimits(v, patch.limits());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        v.updatedAt = now;
        Uni<Void> events = Uni.createFrom().voidItem();
        if (profileChanged) {
            events = events.chain(() -> outbox.append(registered(v, now)).replaceWithVoid());
        }
        if (dutyChanged) {
            events = events.chain(() -> outbox.append(new VolunteerAvailabilityChanged(v.id, v.hubId, v.onDuty, now)).replaceWithVoid());
        }
        return events.replaceWith(v);
    }

    private static void setHubs(VolunteerEntity v, List<String> hubs) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(hubs));
        v.hubs = String.join(",", distinct);
        v.hubId = HubIds.idOf(distinct.get(0));
    }

    private static void setHome(VolunteerEntity v, SignUp.Home home) {
        v.lat = Geo.approximate(home.lat());
        v.lon = Geo.approximate(home.lon());
        v.area = home.area();
        v.h3Fine = SpatialIndex.fineCell(v.lat, v.lon);
        v.h3Coarse = SpatialIndex.coarseCell(v.lat, v.lon);
    }

    private static void setLimits(VolunteerEntity v, SignUp.Limits limits) {
        v.maxTasksPerWeek = limits == null ? null : limits.maxTasksPerWeek();
        v.restHours = limits == null || limits.restHours() == null ? 0 : limits.restHours();
    }

    public static List<String> hubsOf(VolunteerEntity v) {
        return List.of(v.hubs.split(","));
    }

    private static Set<Skill> skillsOf(List<Skill> skills) {
        return skills == null ? Set.of() : new LinkedHashSet<>(skills);
    }

    private VolunteerContactEntity sealContact(UUID volunteerId, SignUp.Contact contact) {
        ContactCipher.Sealed sealed = cipher.seal(contact.value(), volunteerId.toString());
        VolunteerContactEntity entity = new VolunteerContactEntity();
        entity.volunteerId = volunteerId;
        entity.channel = contact.channel().slug();
        entity.keyId = sealed.keyId();
        entity.nonce = sealed.nonce();
        entity.ciphertext = sealed.ciphertext();
        entity.lookupHash = cipher.lookupHash(contact.channel().slug(), contact.value());
        entity.createdAt = Instant.now();
        return entity;
    }

    public static VolunteerRegistered registered(VolunteerEntity v, Instant at) {
        return new VolunteerRegistered(v.id, v.hubId, hubsOf(v).stream().map(HubIds::idOf).toList(),
                SpatialIndex.cellCentre(v.h3Fine), v.radiusKm,
                Skill.parseList(v.skills).stream().map(Skill::slug).toList(), Languages.parseList(v.languages),
                v.smsOnly, at);
    }

    private static ApiProblem contactTaken() {
        return ApiProblem.conflict("contact-registered", "this phone number or email is already registered by another volunteer");
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("23505") || message.contains("duplicate key"))) {
                return true;
            }
        }
        return false;
    }
}
