package org.tredegar.logistics.api;

import org.tredegar.logistics.domain.StockLedger;

import java.util.UUID;

public record AdjustmentView(UUID locationId, String item, int delta, String reason) {
    public static AdjustmentView of(UUID locationId, StockLedger.Adjustment a) {
        return new AdjustmentView(locationId, a.item().slug(), a.delta(), a.reason());
    }
}
