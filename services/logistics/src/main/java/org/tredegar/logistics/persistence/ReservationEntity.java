package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The saga state of one request's supplies: what it needs, whether it is set aside, and who will carry it. */
@Entity
@Table(name = "reservations")
public class ReservationEntity extends PanacheEntityBase {
    public static final String AWAITING_REQUEST = "awaiting-request";
    public static final String RESERVED = "reserved";
    public static final String FAILED = "failed";
    public static final String RELEASED = "released";
    public static final String ISSUED = "issued";
    public static final String DELIVERED = "delivered";

    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "hub_id")
    public UUID hubId;
    public String status;
    /** JSON list of {item, quantity}. */
    public String needed;
    /** JSON list of {item, quantity} that could not be reserved yet. */
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
