package org.tredegar.logistics.api;

import java.util.List;
import java.util.UUID;

public record TransferView(UUID fromLocationId, UUID toLocationId, List<Moved> moved) {
    public record Moved(String item, int quantity) {
    }
}
