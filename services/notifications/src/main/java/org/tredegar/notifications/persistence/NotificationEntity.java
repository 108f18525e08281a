package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.tredegar.notifications.domain.NotificationStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one recipient, recorded as an intent before anything is sent. The recipient is a role and an id:
 * the address is fetched from the owning service at send time and never written here.
 */
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
    public NotificationStatus status;
    @Column(name = "causation_event_id")
    public String causationEventId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What the message is about when that is not the recipient (the offer of an offer message). */
    @Column(name = "subject_ref")
    public UUID subjectRef;
    /** Template values as JSON; never contact details. */
    public String params = "{}";
    public String channel;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    /** A send was under way when the process stopped: the provider is asked before sending again. */
    @Column(name = "in_doubt")
    public boolean inDoubt;
    @Column(name = "provider_ref")
    public String providerRef;
    @Column(name = "delivery_status")
    public String deliveryStatus;
    public String reason;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "reply_hash")
    public String replyHash;
    public String answer;
    /** Channels the provider reported as not delivered (comma-separated): the fallback moves past them. */
    @Column(name = "failed_channels")
    public String failedChannels;
    /**
     * Since when the contact or code lookup for it has been failing (an outage of ours); null once a lookup answers or
     * quiet hours hold the message.
     */
    @Column(name = "lookup_failing_since")
    public Instant lookupFailingSince;
}
