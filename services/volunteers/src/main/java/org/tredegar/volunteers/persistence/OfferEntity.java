package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One volunteer asked to take one request. Status changes go through conditional UPDATEs (see Claims). */
@Entity
@Table(name = "offers")
public class OfferEntity extends PanacheEntityBase {
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    public static final String EXPIRED = "expired";
    public static final String WITHDRAWN = "withdrawn";

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
    public String status;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
}
