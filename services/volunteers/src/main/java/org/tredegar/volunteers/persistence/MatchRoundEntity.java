package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tredegar.volunteers.domain.RoundStatus;

import java.time.Instant;
import java.util.UUID;

/** Matching for one request: what we know of the request and where matching stands. */
@Entity
@Table(name = "match_rounds")
public class MatchRoundEntity extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "hub_id")
    public UUID hubId;
    public String category;
    public String urgency;
    public String language;
    public Double lat;
    public Double lon;
    @Column(name = "window_from")
    public Instant windowFrom;
    @Column(name = "window_to")
    public Instant windowTo;
    @Column(name = "escalation_level")
    public int escalationLevel;
    public RoundStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
