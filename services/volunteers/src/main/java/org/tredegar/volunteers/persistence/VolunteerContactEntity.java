package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A volunteer's phone or email, sealed with AES-GCM and kept apart from the profile. */
@Entity
@Table(name = "volunteer_contacts")
public class VolunteerContactEntity extends PanacheEntityBase {
    @Id
    @Column(name = "volunteer_id")
    public UUID volunteerId;
    public String channel;
    @Column(name = "key_id")
    public String keyId;
    public byte[] nonce;
    public byte[] ciphertext;
    @Column(name = "lookup_hash")
    public String lookupHash;
    @Column(name = "created_at")
    public Instant createdAt;
}
