package org.tredegar.logistics.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Stock of one item at one location, summed from its lots. {@code available} = on hand − reserved, not counting
 * lots past their date ({@code expired} says how many of those are still on the shelf).
 *
 * @param minimum the location's minimum for the item, if one is set
 * @param low     whether LowStock was sent for the current dip below the minimum
 */
public record StockLevel(UUID locationId, String item, long onHand, long reserved, long available, long expired,
                         LocalDate earliestExpiry, Integer minimum, boolean low) {
}
