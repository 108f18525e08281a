package org.tredegar.logistics.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.domain.StockLedger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A correction after a count, breakage or expiry. A negative delta comes from {@code lotId} if given, otherwise
 * from expired lots first, then first-expiring; it may never touch what is reserved. A positive delta goes to
 * {@code lotId} or into a new lot (with {@code expiresOn} for items that expire).
 */
public record NewAdjustment(
        @NotNull ItemSlug item,
        @NotNull @Min(-100_000) @Max(100_000) Integer delta,
        @NotBlank @Size(max = 200) String reason,
        UUID lotId,
        LocalDate expiresOn) {

    StockLedger.Adjustment toAdjustment() {
        return new StockLedger.Adjustment(item, delta, reason, lotId, expiresOn);
    }
}
