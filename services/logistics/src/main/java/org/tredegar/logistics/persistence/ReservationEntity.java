package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tredegar.logistics.domain.ReservationStatus;

import java.time.Instant;
import java.util.UUID;

/** The saga state of one request's supplies: what it needs, whether it is set aside, and who will carry it. */
@Entity
@Table(name = "reservations")
public class ReservationEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "hub_id")
    public UUID hubId;
    public ReservationStatus status;
    /** JSON list of {item, quantity} ({@link ItemListJson}). */
    public String needed;
    /** JSON list of {item, quantity} that could not be reserved yet ({@link ItemListJson}). */
    public String missing;
    @Column(name = "dest_lat")
    public Double destLat;
    @Column(name = "dest_lon")
    public Double destLon;
    public String area;
    @Column(name = "window_from")
    public Instant windowFrom;
    @Column(name = "window_to")
    public Instant windowTo;
    @Column(name = "volunteer_id")
    public UUID volunteerId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "request_open")
    public boolean requestOpen = true;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
