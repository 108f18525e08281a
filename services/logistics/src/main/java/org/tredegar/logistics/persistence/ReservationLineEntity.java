package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.tredegar.logistics.domain.ReservationLineState;

import java.util.UUID;

/** A quantity taken from one lot for one reservation. */
@Entity
@Table(name = "reservation_lines")
public class ReservationLineEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "reservation_id")
    public UUID reservationId;
    @Column(name = "lot_id")
    public UUID lotId;
    @Column(name = "location_id")
    public UUID locationId;
    public String item;
    public int quantity;
    public ReservationLineState state;
}
