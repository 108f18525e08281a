package org.tredegar.volunteers.domain;

import org.tredegar.platform.problem.ApiProblem;

import java.util.List;
import java.util.Set;

/** Checks that need more than one field, done before anything is written so a refusal leaves nothing behind. */
public final class ProfileRules {
    private ProfileRules() {
    }

    /** Windows end after they start and do not overlap; the error names the offending window. */
    public static WeeklyAvailability availability(List<Profile.Window> windows) {
        if (windows == null || windows.isEmpty()) {
            return WeeklyAvailability.ALWAYS;
        }
        List<WeeklyAvailability.Slot> slots = windows.stream()
                .map(w -> WeeklyAvailability.Slot.parse(w.day(), w.from(), w.to())).toList();
        WeeklyAvailability.check(slots).ifPresent(problem -> {
            throw ApiProblem.badField("availability[" + problem.index() + "]." + problem.field(), problem.message());
        });
        return new WeeklyAvailability(slots);
    }

    public static final String HUB_SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String LANGUAGE = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    /**
     * Checked here rather than by annotations on list elements, whose violations would name the field
     * "hubs[0].&lt;list element&gt;" instead of "hubs[0]". Null lists are the caller's business (required or absent).
     */
    public static void listShapes(List<String> hubs, List<String> languages) {
        each(hubs, "hubs", HUB_SLUG, "must be a hub slug such as tredegar");
        each(languages, "languages", LANGUAGE, "must be a BCP 47 language tag such as en or cy");
    }

    private static void each(List<String> values, String field, String pattern, String message) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !values.get(i).matches(pattern)) {
                throw ApiProblem.badField(field + "[" + i + "]", message);
            }
        }
    }

    /** Only skills that need a check can be verified, and only skills the volunteer has. */
    public static void verifiable(List<Skill> verified, Set<Skill> skills, String field) {
        for (int i = 0; i < verified.size(); i++) {
            Skill skill = verified.get(i);
            if (!skill.verifiable()) {
                throw ApiProblem.badField(field + "[" + i + "]", skill.slug() + " needs no verification");
            }
            if (!skills.contains(skill)) {
                throw ApiProblem.badField(field + "[" + i + "]", "the volunteer has not listed " + skill.slug());
            }
        }
    }
}
