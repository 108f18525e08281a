package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A quantity of one item at one location with one expiry date. Changed only while the row is locked
 * ({@link StockLots#lockForUpdate}, {@link StockLots#lockByIds}); the table's CHECKs refuse negative stock and reserved above on hand.
 */
@Entity
@Table(name = "stock_lots")
public class StockLotEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "location_id")
    public UUID locationId;
    public String item;
    @Column(name = "lot_code")
    public String lotCode;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Column(name = "on_hand")
    public int onHand;
    public int reserved;
    @Column(name = "receipt_id")
    public UUID receiptId;
    @Column(name = "received_at")
    public Instant receivedAt;

    /** What may still be promised: on the shelf, not set aside, and not past its date. */
    public int availableOn(LocalDate today) {
        return isExpiredOn(today) ? 0 : onHand - reserved;
    }

    public boolean isExpiredOn(LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }
}
