package org.tredegar.volunteers.domain;

import org.tredegar.contracts.model.HelpCategory;

import java.util.Set;

/**
 * Which skills a kind of help needs. Deliberately short: every skill required here shrinks the pool of people
 * who can be asked, so only what the task truly cannot be done without is listed.
 *
 * @param skills         every one of these is needed
 * @param verifiedSkills and these must also have been checked by a coordinator (trust with vulnerable people)
 */
public record CategoryNeeds(Set<Skill> skills, Set<Skill> verifiedSkills) {

    public static CategoryNeeds of(HelpCategory category) {
        return switch (category) {
            case TRANSPORT, EVACUATION -> needs(Skill.DRIVING);
            case CHILDCARE -> new CategoryNeeds(Set.of(Skill.CHILDCARE), Set.of(Skill.CHILDCARE));
            case HOUSEHOLD_REPAIR -> needs(Skill.DIY);
            case DEBRIS_CLEANUP -> needs(Skill.HEAVY_LIFTING);
            case LEGAL_ACCOMPANIMENT -> needs(Skill.LEGAL);
            case TRANSLATION -> needs(Skill.TRANSLATION);
            case MENTAL_HEALTH_SUPPORT -> needs(Skill.COUNSELLING);
            default -> new CategoryNeeds(Set.of(), Set.of());
        };
    }

    private static CategoryNeeds needs(Skill skill) {
        return new CategoryNeeds(Set.of(skill), Set.of());
    }
}
