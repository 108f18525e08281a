package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.persistence.VolunteerEntity;
import org.tredegar.volunteers.persistence.Volunteers;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A volunteer's own profile once they are registered: reading it, changing it (each change announced —
 * VolunteerRegistered when what matching knows changed, VolunteerAvailabilityChanged when duty or windows did), and a
 * coordinator vouching for skills. Each change is one transaction with its events.
 */
@ApplicationScoped
public class Profiles {
    @Inject
    OutboxWriter outbox;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;
    @Inject
    Volunteers volunteers;

    /**
     * The caller's profile, or null. A demo profile made for a username (./tredegar up cannot know Keycloak's
     * generated subjects) is handed over to that login on first use: its id becomes the token's subject.
     */
    public Uni<VolunteerEntity> find(Account account) {
        return VolunteerEntity.<VolunteerEntity>findById(account.volunteerId()).chain(found -> {
            if (found != null || account.username() == null) {
                return Uni.createFrom().item(found);
            }
            return volunteers.claimDemoProfile(account.username(), account.volunteerId(), account.subject())
                    .chain(claimed -> claimed ? VolunteerEntity.<VolunteerEntity>findById(account.volunteerId())
                            : Uni.createFrom().nullItem());
        });
    }

    public Uni<VolunteerEntity> mine(Account account) {
        return Panache.withTransaction(() -> find(account)
                .onItem().ifNull().failWith(Profiles::noProfile));
    }

    public Uni<VolunteerEntity> change(Account account, ProfileChange change) {
        ProfileRules.listShapes(change.hubs(), change.languages());
        WeeklyAvailability availability = change.availability() == null ? null : ProfileRules.availability(change.availability());
        return Panache.withTransaction(() -> find(account)
                .onItem().ifNull().failWith(Profiles::noProfile)
                .chain(v -> apply(v, change, availability)));
    }

    public Uni<VolunteerEntity> setOnDuty(Account account, boolean onDuty) {
        return change(account, ProfileChange.onDuty(onDuty));
    }

    /** A coordinator of one of the volunteer's hubs vouches for trust-requiring skills. */
    public Uni<VolunteerEntity> verify(UUID volunteerId, List<Skill> verified, String actor, Set<String> coordinatorHubs) {
        return Panache.withTransaction(() -> VolunteerEntity.<VolunteerEntity>findById(volunteerId)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("volunteer " + volunteerId))
                .chain(v -> {
                    if (VolunteerRecords.hubsOf(v).stream().noneMatch(coordinatorHubs::contains)) {
                        throw ApiProblem.forbidden("this volunteer belongs to hubs you do not act for");
                    }
                    ProfileRules.verifiable(verified, Skill.parseList(v.skills), "verifiedSkills");
                    v.verifiedSkills = Skill.toList(new LinkedHashSet<>(verified));
                    v.updatedAt = Instant.now();
                    return audit.record(v.hubId, actor, "volunteer.skills-verified", v.id.toString(), v.verifiedSkills)
                            .replaceWith(v);
                }));
    }

    private Uni<VolunteerEntity> apply(VolunteerEntity v, ProfileChange change, WeeklyAvailability availability) {
        boolean profileChanged = change.hubs() != null || change.location() != null || change.radiusKm() != null
                || change.skills() != null || change.languages() != null;
        boolean dutyChanged = (change.onDuty() != null && change.onDuty() != v.onDuty) || availability != null;
        if (change.displayName() != null) {
            v.displayName = change.displayName().strip();
        }
        if (change.hubs() != null) {
            VolunteerRecords.setHubs(v, change.hubs());
        }
        if (change.location() != null) {
            VolunteerRecords.setHome(v, change.location());
        }
        if (change.radiusKm() != null) {
            v.radiusKm = change.radiusKm();
        }
        if (change.skills() != null) {
            Set<Skill> skills = VolunteerRecords.skillsOf(change.skills());
            v.skills = Skill.toList(skills);
            // A verification is for a skill the person listed; dropping the skill drops the verification.
            Set<Skill> verified = new LinkedHashSet<>(Skill.parseList(v.verifiedSkills));
            verified.retainAll(skills);
            v.verifiedSkills = Skill.toList(verified);
        }
        if (change.languages() != null) {
            v.languages = Languages.toList(change.languages());
        }
        if (availability != null) {
            v.availability = Availability.write(json, availability);
        }
        if (change.onDuty() != null) {
            v.onDuty = change.onDuty();
        }
        if (change.limits() != null) {
            VolunteerRecords.setLimits(v, change.limits());
        }
        Instant now = StoredTime.now();
        v.updatedAt = now;
        Uni<Void> events = Uni.createFrom().voidItem();
        if (profileChanged) {
            events = events.chain(() -> outbox.append(VolunteerRecords.registered(v, now)).replaceWithVoid());
        }
        if (dutyChanged) {
            events = events.chain(() -> outbox.append(new VolunteerAvailabilityChanged(v.id, v.hubId, v.onDuty, now)).replaceWithVoid());
        }
        return events.replaceWith(v);
    }

    private static ApiProblem noProfile() {
        return ApiProblem.notFound("your volunteer profile (sign up first)");
    }
}
