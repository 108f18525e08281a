package org.tredegar.logistics.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;

import java.util.List;
import java.util.UUID;

/** Moving free stock (not reserved, not expired) to another location; lots keep their expiry dates. */
public record NewTransfer(
        @NotNull UUID toLocationId,
        @NotEmpty(message = "list at least one line") @Size(max = 100) List<@NotNull @Valid Line> lines) {

    public record Line(@NotNull ItemSlug item, @Min(value = 1, message = "must be at least 1") @Max(100_000) int quantity) {
    }

    List<ItemQuantity> toLines() {
        return lines.stream().map(l -> new ItemQuantity(l.item(), l.quantity())).toList();
    }
}
