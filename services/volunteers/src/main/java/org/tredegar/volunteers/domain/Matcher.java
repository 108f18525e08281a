package org.tredegar.volunteers.domain;

import org.tredegar.contracts.model.GeoPoint;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides who may be asked to take a request, and in which order. Pure: no database, no clock of its own, so
 * it can be tested and benchmarked on its own; {@link CandidateSearch} feeds it what the spatial index finds.
 * <p>
 * Order: distance in bands (two people 1.2 and 1.4 km away are equally near), then language (the requester's
 * exact tag before the same language in another variant), then fairness — fewest tasks in the last 7 days first,
 * so work spreads and nobody burns out — then exact distance.
 */
public final class Matcher {

    /** Why someone was not asked; for tests and for explaining a match to a coordinator. */
    public enum Rejection {
        OTHER_HUB, TOO_FAR_FOR_REQUEST, OUTSIDE_THEIR_RADIUS, MISSING_SKILL, UNVERIFIED_SKILL, LANGUAGE,
        NOT_AVAILABLE, WEEKLY_LIMIT_REACHED, RESTING
    }

    /** A volunteer who may be asked, with what the ranking used. */
    public record Ranked(VolunteerSnapshot volunteer, double distanceKm, int languageScore) {
    }

    private final double distanceBandKm;

    public Matcher(double distanceBandKm) {
        if (!(distanceBandKm > 0)) {
            throw new IllegalArgumentException("distanceBandKm must be positive");
        }
        this.distanceBandKm = distanceBandKm;
    }

    /** Everyone who may be asked, best first. */
    public List<Ranked> rank(MatchRequest request, Collection<VolunteerSnapshot> volunteers) {
        return volunteers.stream()
                .filter(v -> reject(request, v).isEmpty())
                .map(v -> new Ranked(v, distanceKm(request, v), languageScore(request.language(), v.languages())))
                .sorted(order())
                .toList();
    }

    public Optional<Rejection> reject(MatchRequest request, VolunteerSnapshot v) {
        if (v.hubIds().stream().noneMatch(request.hubIds()::contains)) {
            return Optional.of(Rejection.OTHER_HUB);
        }
        double km = distanceKm(request, v);
        if (km > request.searchKm()) {
            return Optional.of(Rejection.TOO_FAR_FOR_REQUEST);
        }
        if (km > v.radiusKm()) {
            return Optional.of(Rejection.OUTSIDE_THEIR_RADIUS);
        }
        if (!v.skills().containsAll(request.needs().skills())) {
            return Optional.of(Rejection.MISSING_SKILL);
        }
        if (!v.verifiedSkills().containsAll(request.needs().verifiedSkills())) {
            return Optional.of(Rejection.UNVERIFIED_SKILL);
        }
        if (languageScore(request.language(), v.languages()) == 0) {
            return Optional.of(Rejection.LANGUAGE);
        }
        if (!v.availability().availableDuring(request.from(), request.to(), v.zone())) {
            return Optional.of(Rejection.NOT_AVAILABLE);
        }
        if (v.maxTasksPerWeek() != null && v.recentTasks() >= v.maxTasksPerWeek()) {
            return Optional.of(Rejection.WEEKLY_LIMIT_REACHED);
        }
        if (v.restHours() > 0 && v.lastTaskAt() != null
                && v.lastTaskAt().plus(Duration.ofHours(v.restHours())).isAfter(request.now())) {
            return Optional.of(Rejection.RESTING);
        }
        return Optional.empty();
    }

    private Comparator<Ranked> order() {
        return Comparator.<Ranked>comparingLong(r -> (long) Math.floor(r.distanceKm() / distanceBandKm))
                .thenComparing(Comparator.comparingInt(Ranked::languageScore).reversed())
                .thenComparingInt(r -> r.volunteer().recentTasks())
                .thenComparingDouble(Ranked::distanceKm)
                .thenComparing(r -> r.volunteer().id());
    }

    static double distanceKm(MatchRequest request, VolunteerSnapshot v) {
        return GeoPoint.distanceKm(request.lat(), request.lon(), v.lat(), v.lon());
    }

    /**
     * 2 = speaks the requester's exact language tag, 1 = the same language in another variant ("cy" for "cy-GB"),
     * 0 = not at all. An unknown request language counts everyone as 1.
     */
    static int languageScore(String wanted, List<String> spoken) {
        if (wanted == null || wanted.isBlank()) {
            return 1;
        }
        String want = wanted.toLowerCase(Locale.ROOT);
        String wantPrimary = primary(want);
        int best = 0;
        for (String tag : spoken) {
            String have = tag.toLowerCase(Locale.ROOT);
            if (have.equals(want)) {
                return 2;
            }
            if (primary(have).equals(wantPrimary)) {
                best = 1;
            }
        }
        return best;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }
}
