package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A pending "erase my contact now": the keyed hash of a one-time code, never the code itself. */
@Entity
@Table(name = "contact_erasure_codes")
public class ErasureCodeEntity extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "code_hash")
    public String codeHash;
    @Column(name = "expires_at")
    public Instant expiresAt;
    public int attempts;
}
