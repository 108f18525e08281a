package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.Urgency;

import java.time.Instant;
import java.util.UUID;

/**
 * A request for help. There is no field about income, benefits, identity or worthiness, and there must never be
 * one ("if you asked, we helped"): RequestSchemaGuardTest fails the build if one appears.
 */
@Entity
@Table(name = "help_requests")
public class HelpRequestEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "hub_id")
    public UUID hubId;
    @Column(name = "tracking_code")
    public String trackingCode;
    @Convert(converter = SlugColumns.Category.class)
    public HelpCategory category;
    @Convert(converter = SlugColumns.UrgencyLevel.class)
    public Urgency urgency;
    @Column(name = "urgency_rank")
    public int urgencyRank;
    @Convert(converter = SlugColumns.Status.class)
    public RequestStatus status;
    public String description;
    public Double lat;
    public Double lon;
    public String area;
    /** JSON list of {item, quantity}. */
    public String items;
    public String language;
    public String accessibility;
    @Column(name = "window_from")
    public Instant windowFrom;
    @Column(name = "window_to")
    public Instant windowTo;
    @Convert(converter = SlugColumns.Intake.class)
    public IntakeChannel channel;
    @Column(name = "outside_hub_area")
    public boolean outsideHubArea;
    @Column(name = "escalation_level")
    public int escalationLevel;
    @Column(name = "escalate_at")
    public Instant escalateAt;
    @Column(name = "volunteer_id")
    public UUID volunteerId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "duplicate_of")
    public UUID duplicateOf;
    @Column(name = "contact_hash")
    public String contactHash;
    @Column(name = "follow_up_at")
    public Instant followUpAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Version
    public int version;
}
