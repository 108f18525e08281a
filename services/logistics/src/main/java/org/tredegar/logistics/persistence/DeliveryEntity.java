package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tredegar.logistics.domain.DeliveryStatus;

import java.time.Instant;
import java.util.UUID;

/** One trip by one volunteer from one pickup location to a request's area (see {@link Deliveries}). */
@Entity
@Table(name = "deliveries")
public class DeliveryEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "reservation_id")
    public UUID reservationId;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "hub_id")
    public UUID hubId;
    @Column(name = "pickup_location_id")
    public UUID pickupLocationId;
    @Column(name = "volunteer_id")
    public UUID volunteerId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    public DeliveryStatus status;
    @Column(name = "dest_lat")
    public Double destLat;
    @Column(name = "dest_lon")
    public Double destLon;
    public String area;
    @Column(name = "window_from")
    public Instant windowFrom;
    @Column(name = "window_to")
    public Instant windowTo;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "picked_up_at")
    public Instant pickedUpAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Version
    public int version;
}
