package org.tredegar.volunteers.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MatcherTest {
    static final UUID HUB = UUID.randomUUID();
    static final UUID OTHER_HUB = UUID.randomUUID();
    static final double LAT = 51.7727;
    static final double LON = -3.2467;
    static final Instant NOW = Instant.parse("2025-11-24T10:00:00Z"); // a Monday, 10:00 in London
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final Matcher matcher = new Matcher(2.0);

    static MatchRequest request(CategoryNeeds needs, String language) {
        return new MatchRequest(UUID.randomUUID(), Set.of(HUB), LAT, LON, 10, needs, language, NOW, NOW, NOW);
    }

    static MatchRequest groceries() {
        return request(new CategoryNeeds(Set.of(), Set.of()), "en");
    }

    /** A volunteer {@code km} north of the request, radius 5 km, English, on every limit's good side. */
    static Builder volunteer(double km) {
        return new Builder(km);
    }

    static final class Builder {
        UUID id = UUID.randomUUID();
        Set<UUID> hubs = Set.of(HUB);
        double km;
        double radius = 5;
        Set<Skill> skills = Set.of();
        Set<Skill> verified = Set.of();
        List<String> languages = List.of("en");
        WeeklyAvailability availability = WeeklyAvailability.ALWAYS;
        Integer max;
        int rest;
        int recent;
        Instant last;

        Builder(double km) {
            this.km = km;
        }

        Builder hubs(UUID... ids) { hubs = Set.of(ids); return this; }
        Builder radius(double r) { radius = r; return this; }
        Builder skills(Skill... s) { skills = Set.of(s); return this; }
        Builder verified(Skill... s) { verified = Set.of(s); return this; }
        Builder languages(String... l) { languages = List.of(l); return this; }
        Builder availability(WeeklyAvailability a) { availability = a; return this; }
        Builder max(int m) { max = m; return this; }
        Builder rest(int hours, Instant lastTask) { rest = hours; last = lastTask; return this; }
        Builder recent(int n) { recent = n; return this; }

        VolunteerSnapshot build() {
            return new VolunteerSnapshot(id, hubs, LAT + km / 111.195, LON, radius, skills, verified, languages,
                    availability, LONDON, max, rest, recent, last);
        }
    }

    @Test
    void acceptsSomeoneNearbyWhoFitsEverything() {
        assertThat(matcher.reject(groceries(), volunteer(1).build())).isEmpty();
    }

    @Test
    void namesWhySomeoneIsNotAsked() {
        MatchRequest groceries = groceries();
        assertThat(matcher.reject(groceries, volunteer(1).hubs(OTHER_HUB).build())).contains(Matcher.Rejection.OTHER_HUB);
        assertThat(matcher.reject(groceries, volunteer(12).radius(50).build())).contains(Matcher.Rejection.TOO_FAR_FOR_REQUEST);
        assertThat(matcher.reject(groceries, volunteer(3).radius(2).build())).contains(Matcher.Rejection.OUTSIDE_THEIR_RADIUS);
        assertThat(matcher.reject(groceries, volunteer(1).languages("pl").build())).contains(Matcher.Rejection.LANGUAGE);
        assertThat(matcher.reject(groceries, volunteer(1).max(2).recent(2).build())).contains(Matcher.Rejection.WEEKLY_LIMIT_REACHED);
        assertThat(matcher.reject(groceries, volunteer(1).max(3).recent(2).build())).isEmpty();
        assertThat(matcher.reject(groceries, volunteer(1).rest(12, NOW.minusSeconds(3600)).build())).contains(Matcher.Rejection.RESTING);
        assertThat(matcher.reject(groceries, volunteer(1).rest(12, NOW.minusSeconds(13 * 3600)).build())).isEmpty();
    }

    @Test
    void skillsAndVerificationOnlyWhereTheCategoryNeedsThem() {
        MatchRequest transport = request(CategoryNeeds.of(org.tredegar.contracts.model.HelpCategory.TRANSPORT), "en");
        assertThat(matcher.reject(transport, volunteer(1).build())).contains(Matcher.Rejection.MISSING_SKILL);
        assertThat(matcher.reject(transport, volunteer(1).skills(Skill.DRIVING).build())).isEmpty();

        MatchRequest childcare = request(CategoryNeeds.of(org.tredegar.contracts.model.HelpCategory.CHILDCARE), "en");
        assertThat(matcher.reject(childcare, volunteer(1).skills(Skill.CHILDCARE).build())).contains(Matcher.Rejection.UNVERIFIED_SKILL);
        assertThat(matcher.reject(childcare, volunteer(1).skills(Skill.CHILDCARE).verified(Skill.CHILDCARE).build())).isEmpty();
        // An unverified childcare skill does not stop someone doing the shopping.
        assertThat(matcher.reject(groceries(), volunteer(1).skills(Skill.CHILDCARE).build())).isEmpty();
    }

    @Test
    void availabilityIsReadInTheVolunteersTimezone() {
        WeeklyAvailability mondayMorning = new WeeklyAvailability(List.of(WeeklyAvailability.Slot.parse("monday", "09:00", "11:00")));
        WeeklyAvailability mondayEvening = new WeeklyAvailability(List.of(WeeklyAvailability.Slot.parse("monday", "18:00", "24:00")));
        assertThat(matcher.reject(groceries(), volunteer(1).availability(mondayMorning).build())).isEmpty();
        assertThat(matcher.reject(groceries(), volunteer(1).availability(mondayEvening).build())).contains(Matcher.Rejection.NOT_AVAILABLE);
        MatchRequest evening = new MatchRequest(UUID.randomUUID(), Set.of(HUB), LAT, LON, 10, new CategoryNeeds(Set.of(), Set.of()),
                "en", Instant.parse("2025-11-24T19:00:00Z"), Instant.parse("2025-11-24T21:00:00Z"), NOW);
        assertThat(matcher.reject(evening, volunteer(1).availability(mondayEvening).build())).isEmpty();
        assertThat(matcher.reject(evening, volunteer(1).availability(mondayMorning).build())).contains(Matcher.Rejection.NOT_AVAILABLE);
    }

    @Test
    void ranksByDistanceBandThenLanguageThenFairness() {
        MatchRequest welsh = request(new CategoryNeeds(Set.of(), Set.of()), "cy-GB");
        VolunteerSnapshot busyNear = volunteer(0.5).languages("cy-GB").recent(4).build();
        VolunteerSnapshot restedNear = volunteer(1.5).languages("cy-GB").recent(0).build();
        VolunteerSnapshot variantNear = volunteer(0.2).languages("en", "cy").recent(0).build();
        VolunteerSnapshot far = volunteer(3.0).languages("cy-GB").recent(0).build();
        List<UUID> order = matcher.rank(welsh, List.of(far, busyNear, variantNear, restedNear)).stream()
                .map(r -> r.volunteer().id()).toList();
        assertThat(order).containsExactly(restedNear.id(), busyNear.id(), variantNear.id(), far.id());
    }

    @Test
    void languageScores() {
        assertThat(Matcher.languageScore("cy", List.of("en", "cy"))).isEqualTo(2);
        assertThat(Matcher.languageScore("cy-GB", List.of("cy"))).isEqualTo(1);
        assertThat(Matcher.languageScore("CY", List.of("cy-gb"))).isEqualTo(1);
        assertThat(Matcher.languageScore("pl", List.of("en"))).isZero();
        assertThat(Matcher.languageScore(null, List.of("en"))).isEqualTo(1);
    }
}
