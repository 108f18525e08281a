package org.tredegar.logistics.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.domain.StockLedger;

import java.time.LocalDate;
import java.util.List;

/**
 * Goods that arrived at a location. {@code donor} is an optional note for thanks and records (a shop, a church, a
 * neighbour's first name): it is stored with the receipt and never used in allocation or published.
 */
public record NewReceipt(
        @Size(max = 200) String donor,
        @NotEmpty(message = "list at least one line") @Size(max = 100) List<@NotNull @Valid Line> lines) {

    public record Line(
            @NotNull ItemSlug item,
            @Min(value = 1, message = "must be at least 1") @Max(100_000) int quantity,
            LocalDate expiresOn,
            @Size(max = 64) String lotCode) {
    }

    List<StockLedger.ReceivedLine> toLines() {
        return lines.stream().map(l -> new StockLedger.ReceivedLine(l.item(), l.quantity(), l.expiresOn(), l.lotCode())).toList();
    }
}
