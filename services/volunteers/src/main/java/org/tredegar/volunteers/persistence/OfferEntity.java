package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tredegar.volunteers.domain.OfferStatus;

import java.time.Instant;
import java.util.UUID;

/** One volunteer asked to take one request. Status changes go through conditional UPDATEs (see Offers). */
@Entity
@Table(name = "offers")
public class OfferEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "volunteer_id")
    public UUID volunteerId;
    @Column(name = "hub_id")
    public UUID hubId;
    public String category;
    public String urgency;
    @Column(name = "distance_km")
    public double distanceKm;
    @Column(name = "offer_code")
    public String offerCode;
    public OfferStatus status;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
}
