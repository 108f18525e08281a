package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tredegar.volunteers.domain.AssignmentStatus;

import java.time.Instant;
import java.util.UUID;

/** A volunteer holding a request, from the winning accept until completed or released. */
@Entity
@Table(name = "assignments")
public class AssignmentEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "offer_id")
    public UUID offerId;
    @Column(name = "volunteer_id")
    public UUID volunteerId;
    @Column(name = "hub_id")
    public UUID hubId;
    public AssignmentStatus status;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Column(name = "release_reason")
    public String releaseReason;
}
