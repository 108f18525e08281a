package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A donation as it arrived. The donor note stays here, for thanks and records: allocation code never reads this
 * entity, so a donor has no say over who receives (solidarity, not charity).
 */
@Entity
@Table(name = "receipts")
public class ReceiptEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "location_id")
    public UUID locationId;
    public String donor;
    @Column(name = "received_by")
    public String receivedBy;
    @Column(name = "received_at")
    public Instant receivedAt;
}
