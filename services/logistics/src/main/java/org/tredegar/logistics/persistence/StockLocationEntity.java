package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.tredegar.logistics.domain.LocationKind;

import java.time.Instant;
import java.util.UUID;

/** A place where a hub keeps supplies: a food bank, a community centre, a warehouse, a volunteer's garage. */
@Entity
@Table(name = "stock_locations")
public class StockLocationEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "hub_id")
    public UUID hubId;
    public String name;
    public LocationKind kind;
    public double lat;
    public double lon;
    /** Free text as people write it ("Mon-Fri 10:00-16:00, Sat mornings"); shown, never parsed. */
    @Column(name = "opening_hours")
    public String openingHours;
    @Column(name = "created_at")
    public Instant createdAt;
}
