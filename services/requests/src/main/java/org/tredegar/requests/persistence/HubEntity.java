package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "hubs")
public class HubEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String slug;
    public String name;
    @Column(name = "centre_lat")
    public double centreLat;
    @Column(name = "centre_lon")
    public double centreLon;
    public String timezone;
    /** E.164; null for a hub people cannot text. */
    @Column(name = "sms_number")
    public String smsNumber;
    /** JSON list of areas; read by {@link Hubs}. */
    public String areas;
}
