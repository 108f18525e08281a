package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** The volunteer read models ({@code volunteer_state}, {@code volunteer_activity}, {@code offer_state}). */
public final class VolunteerStates {
    private VolunteerStates() {
    }

    /** First registration is kept. */
    public static Uni<Void> registered(UUID volunteerId, UUID hubId, Instant at) {
        return run("INSERT INTO volunteer_state (volunteer_id, hub_id, registered_at) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (volunteer_id) DO UPDATE SET registered_at = "
                + "LEAST(volunteer_state.registered_at, EXCLUDED.registered_at)", volunteerId, hubId, at).replaceWithVoid();
    }

    /** First registration is kept; the home cell is the latest registration's (ties: the larger point). */
    public static Uni<Void> registeredAt(UUID volunteerId, UUID hubId, Instant at, double lat, double lon) {
        String newer = "(volunteer_state.home_at IS NULL OR (EXCLUDED.home_at, EXCLUDED.home_lat, EXCLUDED.home_lon) > "
                + "(volunteer_state.home_at, volunteer_state.home_lat, volunteer_state.home_lon))";
        return run("INSERT INTO volunteer_state (volunteer_id, hub_id, registered_at, home_lat, home_lon, home_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (volunteer_id) DO UPDATE SET registered_at = "
                + "LEAST(volunteer_state.registered_at, EXCLUDED.registered_at), "
                + "home_lat = CASE WHEN " + newer + " THEN EXCLUDED.home_lat ELSE volunteer_state.home_lat END, "
                + "home_lon = CASE WHEN " + newer + " THEN EXCLUDED.home_lon ELSE volunteer_state.home_lon END, "
                + "home_at = CASE WHEN " + newer + " THEN EXCLUDED.home_at ELSE volunteer_state.home_at END",
                volunteerId, hubId, at, lat, lon, at).replaceWithVoid();
    }

    /** Last writer wins on the event time; at the same instant "on duty" wins, so order cannot matter. */
    public static Uni<Void> duty(UUID volunteerId, UUID hubId, boolean onDuty, Instant at) {
        return run("INSERT INTO volunteer_state (volunteer_id, hub_id, on_duty, duty_at) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT (volunteer_id) DO UPDATE SET on_duty = CASE "
                + "WHEN volunteer_state.duty_at IS NULL OR EXCLUDED.duty_at > volunteer_state.duty_at THEN EXCLUDED.on_duty "
                + "WHEN EXCLUDED.duty_at = volunteer_state.duty_at THEN volunteer_state.on_duty OR EXCLUDED.on_duty "
                + "ELSE volunteer_state.on_duty END, duty_at = GREATEST(volunteer_state.duty_at, EXCLUDED.duty_at)",
                volunteerId, hubId, onDuty, at).replaceWithVoid();
    }

    /** A day the volunteer did something (kept per day: the public figures count people, not events). */
    public static Uni<Void> active(UUID volunteerId, UUID hubId, LocalDate day) {
        return run("INSERT INTO volunteer_activity (volunteer_id, hub_id, day) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                volunteerId, hubId, day).replaceWithVoid();
    }

    public static Uni<Void> offerMade(UUID offerId, UUID requestId, UUID hubId, UUID volunteerId, Instant at,
                                      Instant expiresAt) {
        return run("INSERT INTO offer_state (offer_id, request_id, hub_id, volunteer_id, made_at, expires_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (offer_id) DO UPDATE SET "
                + "made_at = LEAST(offer_state.made_at, EXCLUDED.made_at), expires_at = EXCLUDED.expires_at",
                offerId, requestId, hubId, volunteerId, at, expiresAt).replaceWithVoid();
    }

    public static Uni<Void> offerAnswered(UUID offerId, UUID requestId, UUID hubId, UUID volunteerId, String outcome,
                                          Instant at) {
        return run("INSERT INTO offer_state (offer_id, request_id, hub_id, volunteer_id, answered_at, outcome) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (offer_id) DO UPDATE SET "
                + "answered_at = EXCLUDED.answered_at, outcome = EXCLUDED.outcome "
                + "WHERE offer_state.answered_at IS NULL "
                + "OR (EXCLUDED.answered_at, EXCLUDED.outcome) > (offer_state.answered_at, offer_state.outcome)",
                offerId, requestId, hubId, volunteerId, at, outcome).replaceWithVoid();
    }
}
