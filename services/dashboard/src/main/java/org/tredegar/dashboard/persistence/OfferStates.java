package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.dashboard.domain.OfferOutcome;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** One row per offer to a volunteer ({@code offer_state}): made, until when, and how it was answered. */
@ApplicationScoped
public class OfferStates {
    /** The first time it was made is kept; the expiry is the latest event's. */
    public Uni<Void> made(UUID offerId, UUID requestId, UUID hubId, UUID volunteerId, Instant at, Instant expiresAt) {
        return run("INSERT INTO offer_state (offer_id, request_id, hub_id, volunteer_id, made_at, expires_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (offer_id) DO UPDATE SET "
                + "made_at = LEAST(offer_state.made_at, EXCLUDED.made_at), expires_at = EXCLUDED.expires_at",
                offerId, requestId, hubId, volunteerId, at, expiresAt).replaceWithVoid();
    }

    /** The latest answer wins (ties: the larger outcome slug, arbitrary but fixed). */
    public Uni<Void> answered(UUID offerId, UUID requestId, UUID hubId, UUID volunteerId, OfferOutcome outcome,
                              Instant at) {
        return run("INSERT INTO offer_state (offer_id, request_id, hub_id, volunteer_id, answered_at, outcome) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (offer_id) DO UPDATE SET "
                + "answered_at = EXCLUDED.answered_at, outcome = EXCLUDED.outcome "
                + "WHERE offer_state.answered_at IS NULL "
                + "OR (EXCLUDED.answered_at, EXCLUDED.outcome) > (offer_state.answered_at, offer_state.outcome)",
                offerId, requestId, hubId, volunteerId, at, outcome.slug()).replaceWithVoid();
    }
}
