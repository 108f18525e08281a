package org.tredegar.logistics.api;

import java.util.UUID;

public record AdjustmentView(UUID locationId, String item, int delta, String reason) {
}
