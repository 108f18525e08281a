package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A provider's message id already handled, and the answer given to it (nothing the person wrote). */
@Entity
@Table(name = "sms_messages")
public class SmsMessageEntity extends PanacheEntityBase {
    @Id
    @Column(name = "message_id")
    public String messageId;
    @Column(name = "hub_id")
    public UUID hubId;
    /** The outcome's slug ({@code asked-what}, {@code submitted}, ...). */
    public String outcome;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "tracking_code")
    public String trackingCode;
    public String language;
    /** Category slugs, comma-separated; empty unless the outcome asked what is needed. */
    public String choices;
    @Column(name = "handled_at")
    public Instant handledAt;
}
