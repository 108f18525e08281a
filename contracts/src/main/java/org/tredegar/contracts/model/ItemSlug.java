package org.tredegar.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Logistics catalogue items. Extend, never rename: stock counts are stored by slug. */
public enum ItemSlug implements Slugged {

    FOOD_PARCEL("food-parcel"),
    FRESH_PRODUCE("fresh-produce"),
    TINNED_FOOD("tinned-food"),
    PREPARED_MEAL("prepared-meal"),
    BABY_FORMULA("baby-formula"),
    NAPPIES("nappies"),
    HYGIENE_KIT("hygiene-kit"),
    SANITARY_PRODUCTS("sanitary-products"),
    COAT("coat"),
    BLANKET("blanket"),
    HEATER("heater"),
    SLEEPING_BAG("sleeping-bag"),
    MEDICATION_PICKUP_SLIP("medication-pickup-slip"),
    PHONE_TOP_UP_VOUCHER("phone-top-up-voucher"),
    SCHOOL_UNIFORM("school-uniform");

    private final String slug;

    ItemSlug(String slug) {
        this.slug = slug;
    }

    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    @JsonCreator
    public static ItemSlug fromSlug(String slug) {
        return Slugged.fromSlug(ItemSlug.class, slug);
    }
}
