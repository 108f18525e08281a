package org.tredegar.logistics.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Stock of one item at one location. {@code available} = on hand − reserved, not counting lots past their date
 * ({@code expired} says how many of those are still on the shelf).
 */
public record StockLineView(UUID locationId, String item, String unit, long onHand, long reserved, long available,
                            long expired, LocalDate earliestExpiry, Integer minimum, boolean low) {
}
