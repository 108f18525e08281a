package org.tredegar.logistics.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.domain.DeliveryProgress;

import java.util.List;

/**
 * Optional body of a pickup: what was actually taken, if not everything reserved (a damaged parcel stays behind
 * and goes back to free stock). Taking more than was reserved is refused.
 */
public record PickupReport(@Size(max = 100) List<@NotNull @Valid Line> lines) {
    public record Line(@NotNull ItemSlug item, @Min(value = 0, message = "must not be negative") @Max(100_000) int quantity) {
    }

    /** What was taken, line by line; empty (everything reserved) when the body or its lines were left out. */
    static List<DeliveryProgress.Taken> taken(PickupReport report) {
        return report == null || report.lines() == null ? List.of()
                : report.lines().stream().map(l -> new DeliveryProgress.Taken(l.item(), l.quantity())).toList();
    }
}
