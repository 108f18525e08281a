package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.tredegar.contracts.model.ContactChannel;

import java.time.Instant;
import java.util.UUID;

/** A requester's contact, sealed with AES-GCM; kept apart from the request and erased on schedule. */
@Entity
@Table(name = "request_contacts")
public class RequestContactEntity extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Convert(converter = SlugColumns.Contact.class)
    public ContactChannel channel;
    @Column(name = "key_id")
    public String keyId;
    public byte[] nonce;
    public byte[] ciphertext;
    @Column(name = "created_at")
    public Instant createdAt;
}
