package org.tredegar.dashboard.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One request as the dashboard knows it (table request_state). Written only by {@link RequestStates} with
 * merging SQL (GREATEST/LEAST on event times), never by read-modify-write through this entity, so that duplicate
 * and out-of-order events cannot overwrite newer facts. Read-only here; it also gives Hibernate Reactive an entity,
 * without which its session (the inbox's transaction) would not start.
 */
@Entity
@Table(name = "request_state")
public class RequestStateEntity extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "hub_id")
    public UUID hubId;
    public String area;
    public String category;
    public String urgency;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "first_matched_at")
    public OffsetDateTime firstMatchedAt;
    @Column(name = "matched_at")
    public OffsetDateTime matchedAt;
    @Column(name = "fulfilled_at")
    public OffsetDateTime fulfilledAt;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "holder_id")
    public UUID holderId;
    @Column(name = "escalation_level")
    public int escalationLevel;
}
