package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "notifications")
public class NotificationEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "hub_id")
    public UUID hubId;
    public String kind;
    @Column(name = "recipient_type")
    public String recipientType;
    @Column(name = "recipient_ref")
    public UUID recipientRef;
    public String language;
    public boolean urgent;
    public String status;
    @Column(name = "causation_event_id")
    public String causationEventId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
