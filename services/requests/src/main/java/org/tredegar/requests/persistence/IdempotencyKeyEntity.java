package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "idempotency_keys")
public class IdempotencyKeyEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "created_at")
    public Instant createdAt;

    @Embeddable
    public record Key(@Column(name = "client_id") String clientId, @Column(name = "key") String key) implements Serializable {
    }
}
