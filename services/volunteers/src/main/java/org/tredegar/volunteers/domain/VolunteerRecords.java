package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.volunteers.persistence.VolunteerEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a volunteer's stored record follows from their profile, and what is announced of it. Pure: nothing is written
 * here (see {@link Registry} and {@link Profiles}).
 */
public final class VolunteerRecords {
    /** Every volunteer's weekly windows are in UK time for now. */
    static final String TIMEZONE = "Europe/London";
    private static final Pattern WORD = Pattern.compile("\\S+", Pattern.UNICODE_CHARACTER_CLASS);

    private VolunteerRecords() {
    }

    /** A new volunteer's record from a profile whose fields have been checked ({@code availability}: its windows). */
    public static VolunteerEntity newVolunteer(UUID id, String subject, Profile body, WeeklyAvailability availability,
                                               boolean withoutAccount, String registeredBy, Instant now, ObjectMapper json) {
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
        v.timezone = TIMEZONE;
        v.onDuty = Boolean.TRUE.equals(body.onDuty());
        setLimits(v, body.limits());
        v.smsOnly = withoutAccount;
        v.registeredBy = registeredBy;
        v.createdAt = now;
        v.updatedAt = now;
        return v;
    }

    /** Hub slugs as given, each once; the first is the home hub. */
    static void setHubs(VolunteerEntity v, List<String> hubs) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(hubs));
        v.hubs = String.join(",", distinct);
        v.hubId = HubIds.idOf(distinct.get(0));
    }

    /** The home rounded to ~110 m, and its cells in the spatial index. */
    static void setHome(VolunteerEntity v, Profile.Home home) {
        v.lat = Geo.approximate(home.lat());
        v.lon = Geo.approximate(home.lon());
        v.area = home.area();
        v.h3Fine = SpatialIndex.fineCell(v.lat, v.lon);
        v.h3Coarse = SpatialIndex.coarseCell(v.lat, v.lon);
    }

    static void setLimits(VolunteerEntity v, Profile.Limits limits) {
        v.maxTasksPerWeek = limits == null ? null : limits.maxTasksPerWeek();
        v.restHours = limits == null || limits.restHours() == null ? 0 : limits.restHours();
    }

    public static List<String> hubsOf(VolunteerEntity v) {
        return List.of(v.hubs.split(","));
    }

    static Set<Skill> skillsOf(List<Skill> skills) {
        return skills == null ? Set.of() : new LinkedHashSet<>(skills);
    }

    /** The first of the volunteer's languages, what texts to them are written in. */
    public static String firstLanguage(VolunteerEntity v) {
        return Languages.parseList(v.languages).stream().findFirst().orElse("en");
    }

    /**
     * What a requester may be told of the volunteer coming ("Sam is on the way"): the first word of the display name,
     * or null when there is none — or when that word has no letter, or a digit or an {@code @}: a number or an
     * address typed as a name must never reach a requester.
     */
    public static String firstName(String displayName) {
        Matcher word = WORD.matcher(displayName == null ? "" : displayName);
        if (!word.find()) {
            return null;
        }
        String first = word.group();
        boolean looksLikeAName = first.codePoints().anyMatch(Character::isLetter)
                && first.codePoints().noneMatch(c -> Character.isDigit(c) || c == '@');
        return looksLikeAName ? first : null;
    }

    /** Home as the centre of its H3 cell; no name, no contact. */
    public static VolunteerRegistered registered(VolunteerEntity v, Instant at) {
        return new VolunteerRegistered(v.id, v.hubId, hubsOf(v).stream().map(HubIds::idOf).toList(),
                SpatialIndex.cellCentre(v.h3Fine), v.radiusKm,
                Skill.parseList(v.skills).stream().map(Skill::slug).toList(), Languages.parseList(v.languages),
                v.smsOnly, at);
    }

    /**
     * VolunteerRegistered does not say whether someone is on duty; a volunteer on duty from sign-up is announced as
     * available too, so read models (the dashboard's "on duty") count them without waiting for a toggle.
     */
    static VolunteerAvailabilityChanged availableFromTheStart(VolunteerEntity v, Instant now) {
        return new VolunteerAvailabilityChanged(v.id, v.hubId, true, now);
    }
}
