package org.tredegar.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of help is asked for. Extend, never rename: slugs are stored and sent to partners. */
public enum HelpCategory implements Slugged {

    GROCERIES("groceries"),
    PREPARED_MEALS("prepared-meals"),
    MEDICATION_PICKUP("medication-pickup"),
    TRANSPORT("transport"),
    CHECK_IN_CALL("check-in-call"),
    COMPANIONSHIP("companionship"),
    MENTAL_HEALTH_SUPPORT("mental-health-support"),
    PET_CARE("pet-care"),
    CHILDCARE("childcare"),
    HOUSEHOLD_REPAIR("household-repair"),
    DEBRIS_CLEANUP("debris-cleanup"),
    EVACUATION("evacuation"),
    SHELTER("shelter"),
    WARMTH("warmth"),
    HYGIENE_SUPPLIES("hygiene-supplies"),
    BABY_SUPPLIES("baby-supplies"),
    LEGAL_ACCOMPANIMENT("legal-accompaniment"),
    TRANSLATION("translation"),
    OTHER("other");

    private final String slug;

    HelpCategory(String slug) {
        this.slug = slug;
    }

    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    @JsonCreator
    public static HelpCategory fromSlug(String slug) {
        return Slugged.fromSlug(HelpCategory.class, slug);
    }
}
