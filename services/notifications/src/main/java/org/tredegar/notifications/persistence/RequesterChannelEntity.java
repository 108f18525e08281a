package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** How a requester asked to be reached: the channel's name only (sms, email, phone, none), never the address. */
@Entity
@Table(name = "requester_channels")
public class RequesterChannelEntity extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "hub_id")
    public UUID hubId;
    public String channel;
    public String language;
    /** When the help was asked for (the request's time window), for the volunteer's reminder. */
    @Column(name = "window_from")
    public java.time.OffsetDateTime windowFrom;
}
