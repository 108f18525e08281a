package org.tredegar.logistics.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ReceiptView(UUID receiptId, UUID locationId, List<LotView> lots) {
    public record LotView(UUID lotId, String item, int quantity, LocalDate expiresOn, String lotCode) {
    }
}
