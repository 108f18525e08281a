package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tredegar.volunteers.domain.CodeStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A six-digit code: its keyed hash, to check answers against, and the code itself sealed with AES-GCM only while
 * it can still be sent (wiped once used, replaced, locked or expired).
 */
@Entity
@Table(name = "one_time_codes")
public class OneTimeCodeEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "sign_up_id")
    public UUID signUpId;
    public String purpose;
    @Column(name = "code_hash")
    public String codeHash;
    @Column(name = "key_id")
    public String keyId;
    public byte[] nonce;
    public byte[] ciphertext;
    public CodeStatus status;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Forgets the sealed copy: from now on the code can be checked (by its hash) but never read again. */
    public void wipeSealedCode() {
        keyId = null;
        nonce = null;
        ciphertext = null;
    }
}
