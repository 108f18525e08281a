package org.tredegar.logistics.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Below this many available, the location is low on the item (LowStock, once per dip). 0 switches it off. */
public record NewMinimum(@NotNull @Min(0) @Max(100_000) Integer minimum) {
}
