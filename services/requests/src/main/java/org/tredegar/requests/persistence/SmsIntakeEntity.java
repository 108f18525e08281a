package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Slugged;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation by text that is becoming a request, one per phone number ({@code contactHash}, the keyed hash of
 * the number). The number is sealed (AES-GCM, {@link #sealedAs}) until the request is written; then the row keeps
 * only what recognises a repeated first text, and is forgotten a day later.
 */
@Entity
@Table(name = "sms_intakes")
public class SmsIntakeEntity extends PanacheEntityBase {
    /** Where the conversation is: a question asked, the request being written, or written. */
    public enum Step implements Slugged {
        ASKED_WHAT("asked-what"), ASKED_WHERE("asked-where"), SUBMITTING("submitting"), SUBMITTED("submitted");

        private final String slug;

        Step(String slug) {
            this.slug = slug;
        }

        @Override
        public String slug() {
            return slug;
        }
    }

    @Id
    @Column(name = "contact_hash")
    public String contactHash;
    @Column(name = "hub_id")
    public UUID hubId;
    @Convert(converter = SlugColumns.IntakeStep.class)
    public Step step;
    public String language;
    public String description;
    @Convert(converter = SlugColumns.Category.class)
    public HelpCategory category;
    /** The place as the person named it (a postcode, a district, a landmark); {@code lat}/{@code lon} for a landmark. */
    public String area;
    public Double lat;
    public Double lon;
    /** Unclear answers to the question now asked. */
    public int unclear;
    @Column(name = "first_text_hash")
    public String firstTextHash;
    @Column(name = "last_text_hash")
    public String lastTextHash;
    @Column(name = "key_id")
    public String keyId;
    public byte[] nonce;
    public byte[] ciphertext;
    /** Chosen when the request is about to be written, so writing it again finds it instead of making a second. */
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "tracking_code")
    public String trackingCode;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** The associated data the number is sealed with: a sealed number copied onto another row does not open. */
    public static String sealedAs(String contactHash) {
        return "sms-intake:" + contactHash;
    }
}
