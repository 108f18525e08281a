package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A requester's contact, sealed with AES-GCM; kept apart from the request and erased on schedule. */
@Entity
@Table(name = "request_contacts")
public class RequestContactEntity extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    public String channel;
    @Column(name = "key_id")
    public String keyId;
    public byte[] nonce;
    public byte[] ciphertext;
    @Column(name = "created_at")
    public Instant createdAt;
}
