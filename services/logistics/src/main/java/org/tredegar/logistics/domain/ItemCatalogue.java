package org.tredegar.logistics.domain;

import org.tredegar.contracts.model.ItemSlug;

import java.util.Arrays;
import java.util.List;

/**
 * The item catalogue: every contract slug with the unit it is counted in and whether it goes out of date. A switch
 * without default, so a slug added to the contracts does not compile here until someone decides its unit.
 */
public final class ItemCatalogue {
    private ItemCatalogue() {
    }

    public record Item(ItemSlug slug, String unit, boolean expires) {
    }

    public static Item of(ItemSlug slug) {
        return switch (slug) {
            case FOOD_PARCEL -> new Item(slug, "parcel", true);
            case FRESH_PRODUCE -> new Item(slug, "box", true);
            case TINNED_FOOD -> new Item(slug, "tin", true);
            case PREPARED_MEAL -> new Item(slug, "meal", true);
            case BABY_FORMULA -> new Item(slug, "tin", true);
            case NAPPIES -> new Item(slug, "pack", false);
            // Soap, toothpaste and the like carry best-before dates.
            case HYGIENE_KIT -> new Item(slug, "kit", true);
            case SANITARY_PRODUCTS -> new Item(slug, "pack", false);
            case COAT -> new Item(slug, "piece", false);
            case BLANKET -> new Item(slug, "piece", false);
            case HEATER -> new Item(slug, "piece", false);
            case SLEEPING_BAG -> new Item(slug, "piece", false);
            // A slip is valid until the pharmacy's date on it.
            case MEDICATION_PICKUP_SLIP -> new Item(slug, "slip", true);
            case PHONE_TOP_UP_VOUCHER -> new Item(slug, "voucher", true);
            case SCHOOL_UNIFORM -> new Item(slug, "set", false);
        };
    }

    public static List<Item> all() {
        return Arrays.stream(ItemSlug.values()).map(ItemCatalogue::of).toList();
    }
}
