package org.tredegar.contracts.model;

import java.util.Objects;

public record ItemQuantity(ItemSlug item, int quantity) {

    public ItemQuantity {
        Objects.requireNonNull(item, "item");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity + " for " + item.slug());
        }
    }
}
