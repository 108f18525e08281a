package org.tredegar.logistics.api;

import org.tredegar.logistics.domain.StockLedger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded donation, without the donor note: the note is kept for thanks and records, not shown back. */
public record ReceiptView(UUID receiptId, UUID locationId, List<LotView> lots) {
    public record LotView(UUID lotId, String item, int quantity, LocalDate expiresOn, String lotCode) {
    }

    public static ReceiptView of(StockLedger.Receipt r) {
        return new ReceiptView(r.receipt().id, r.receipt().locationId, r.lots().stream()
                .map(l -> new LotView(l.id, l.item, l.onHand, l.expiresOn, l.lotCode)).toList());
    }
}
