package org.tredegar.logistics.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

public record TransferView(UUID fromLocationId, UUID toLocationId, List<Moved> moved) {
    public record Moved(String item, int quantity) {
    }

    public static TransferView of(UUID fromLocationId, UUID toLocationId, Map<String, Integer> moved) {
        return new TransferView(fromLocationId, toLocationId, moved.entrySet().stream()
                .map(m -> new Moved(m.getKey(), m.getValue())).toList());
    }
}
