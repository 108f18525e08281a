package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A public alert a hub's coordinators published, served as CAP 1.2. */
@Entity
@Table(name = "alerts")
public class AlertEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "hub_id")
    public UUID hubId;
    @Column(name = "hub_slug")
    public String hubSlug;
    public String sender;
    @Column(name = "sent_at")
    public Instant sentAt;
    public String headline;
    public String description;
    public String instruction;
    public String severity;
    public String urgency;
    public String certainty;
    @Column(name = "expires_at")
    public Instant expiresAt;
    /** Feed order and cursor; assigned by the database. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;
}
