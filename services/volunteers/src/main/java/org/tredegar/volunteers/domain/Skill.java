package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a volunteer can offer. A fixed list, so matching can rely on it: extend, never rename (slugs are stored).
 * Skills that put someone alone with vulnerable people need a coordinator's check before matching counts them.
 */
public enum Skill implements Slugged {
    DRIVING("driving", false),
    CAR("car", false),
    VAN("van", false),
    BIKE("bike", false),
    FIRST_AID("first-aid", false),
    MEDICAL_PROFESSIONAL("medical-professional", true),
    HEAVY_LIFTING("heavy-lifting", false),
    CHILDCARE("childcare", true),
    PERSONAL_CARE("personal-care", true),
    COUNSELLING("counselling", false),
    LEGAL("legal", false),
    TRANSLATION("translation", false),
    COOKING("cooking", false),
    DIY("diy", false),
    PET_CARE("pet-care", false);

    private final String slug;
    private final boolean verifiable;

    Skill(String slug, boolean verifiable) {
        this.slug = slug;
        this.verifiable = verifiable;
    }

    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    /** Whether a coordinator can (and, for the categories that need it, must) vouch for this skill. */
    public boolean verifiable() {
        return verifiable;
    }

    @JsonCreator
    public static Skill fromSlug(String slug) {
        return Slugged.fromSlug(Skill.class, slug);
    }

    /** Reads the stored comma-separated form. */
    public static Set<Skill> parseList(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Skill::fromSlug)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String toList(Set<Skill> skills) {
        return skills.stream().map(Skill::slug).collect(Collectors.joining(","));
    }
}
