package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A volunteer's profile. Contact details are not here: see {@link VolunteerContactEntity}. */
@Entity
@Table(name = "volunteers")
public class VolunteerEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "account_subject")
    public String accountSubject;
    @Column(name = "account_username")
    public String accountUsername;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "hub_id")
    public UUID hubId;
    /** Hub slugs, comma-separated. */
    public String hubs;
    public double lat;
    public double lon;
    public String area;
    @Column(name = "h3_fine")
    public long h3Fine;
    @Column(name = "h3_coarse")
    public long h3Coarse;
    @Column(name = "radius_km")
    public double radiusKm;
    /** Skill slugs, comma-separated. */
    public String skills;
    @Column(name = "verified_skills")
    public String verifiedSkills;
    /** Language tags, comma-separated. */
    public String languages;
    /** JSON list of weekly windows. */
    public String availability;
    public String timezone;
    @Column(name = "on_duty")
    public boolean onDuty;
    @Column(name = "max_tasks_per_week")
    public Integer maxTasksPerWeek;
    @Column(name = "rest_hours")
    public int restHours;
    @Column(name = "sms_only")
    public boolean smsOnly;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
