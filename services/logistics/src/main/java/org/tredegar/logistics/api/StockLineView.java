package org.tredegar.logistics.api;

import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.domain.ItemCatalogue;
import org.tredegar.logistics.domain.StockLevel;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Stock of one item at one location. {@code available} = on hand − reserved, not counting lots past their date
 * ({@code expired} says how many of those are still on the shelf).
 */
public record StockLineView(UUID locationId, String item, String unit, long onHand, long reserved, long available,
                            long expired, LocalDate earliestExpiry, Integer minimum, boolean low) {
    public static StockLineView of(StockLevel s) {
        return new StockLineView(s.locationId(), s.item(), ItemCatalogue.of(ItemSlug.fromSlug(s.item())).unit(),
                s.onHand(), s.reserved(), s.available(), s.expired(), s.earliestExpiry(), s.minimum(), s.low());
    }
}
