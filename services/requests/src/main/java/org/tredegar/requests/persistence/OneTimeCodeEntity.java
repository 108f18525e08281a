package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time code made for the person behind a request, sealed with AES-GCM so notifications can deliver it until
 * it is used, replaced, voided or expires; then {@link #end} (or {@link IssuedCodes}) wipes the sealed code and the
 * row stays as a tombstone.
 */
@Entity
@Table(name = "one_time_codes")
public class OneTimeCodeEntity extends PanacheEntityBase {
    @Id
    @Column(name = "code_id")
    public UUID codeId;
    @Column(name = "request_id")
    public UUID requestId;
    public String purpose;
    @Column(name = "key_id")
    public String keyId;
    public byte[] nonce;
    @Column(name = "sealed_code")
    public byte[] sealedCode;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "ended_at")
    public Instant endedAt;

    public boolean usable(Instant now) {
        return endedAt == null && sealedCode != null && expiresAt.isAfter(now);
    }

    /** Wipes the sealed code: nothing secret is left in the row. */
    public void end(Instant now) {
        keyId = null;
        nonce = null;
        sealedCode = null;
        if (endedAt == null) {
            endedAt = now;
        }
    }
}
