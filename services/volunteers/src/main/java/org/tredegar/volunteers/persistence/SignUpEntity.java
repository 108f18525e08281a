package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tredegar.volunteers.domain.SignUpStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A sign-up by phone or email waiting for its one-time code: the profile as sent and the contact, sealed with
 * AES-GCM. Both are wiped when it is confirmed; then only {@link #volunteerId} is left.
 */
@Entity
@Table(name = "volunteer_sign_ups")
public class SignUpEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "hub_id")
    public UUID hubId;
    /** The profile as JSON (no contact), or null once confirmed. */
    public String profile;
    public String channel;
    @Column(name = "key_id")
    public String keyId;
    public byte[] nonce;
    public byte[] ciphertext;
    @Column(name = "lookup_hash")
    public String lookupHash;
    public String language;
    public SignUpStatus status;
    public int attempts;
    @Column(name = "codes_issued")
    public int codesIssued;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "volunteer_id")
    public UUID volunteerId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
