package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.tredegar.notifications.domain.SubscriptionStatus;

import java.time.Instant;
import java.util.UUID;

/** A partner's webhook: where to send which events of which hubs, and whether it is active or paused (and why). */
@Entity
@Table(name = "subscriptions")
public class SubscriptionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String partner;
    public String url;
    @Column(name = "event_types")
    public String eventTypes;
    @Column(name = "hub_ids")
    public String hubIds;
    @Column(name = "secret_key_id")
    public String secretKeyId;
    @Column(name = "secret_nonce")
    public byte[] secretNonce;
    @Column(name = "secret_ciphertext")
    public byte[] secretCiphertext;
    public SubscriptionStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    /** List order and cursor; assigned by the database. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;
}
