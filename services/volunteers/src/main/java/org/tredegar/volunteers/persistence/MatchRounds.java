package org.tredegar.volunteers.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

import static org.tredegar.platform.persistence.SqlTime.utc;

/** The matching round of each request ({@link MatchRoundEntity}, one row per request). In the caller's transaction. */
@ApplicationScoped
public class MatchRounds {
    /**
     * Inserts the round unless its request has one already — the same event again under another id, or a replay: the
     * primary key on request_id decides, not a lookup. True if this call inserted it.
     */
    public Uni<Boolean> insertIfNew(MatchRoundEntity round) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO match_rounds (request_id, hub_id, category, "
                                + "urgency, language, lat, lon, window_from, window_to, escalation_level, status, created_at, updated_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (request_id) DO NOTHING")
                        .setParameter(1, round.requestId).setParameter(2, round.hubId).setParameter(3, round.category)
                        .setParameter(4, round.urgency).setParameter(5, round.language)
                        .setParameter(6, round.lat).setParameter(7, round.lon)
                        .setParameter(8, utc(round.windowFrom)).setParameter(9, utc(round.windowTo))
                        .setParameter(10, round.escalationLevel).setParameter(11, round.status.slug())
                        .setParameter(12, utc(round.createdAt)).setParameter(13, utc(round.updatedAt))
                        .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    /**
     * Locks and returns the request's round (null if none): the first step of every change to a round, so that per
     * request locks are always taken round → offers → assignment.
     */
    public Uni<MatchRoundEntity> lock(UUID requestId) {
        return MatchRoundEntity.<MatchRoundEntity>findById(requestId, LockModeType.PESSIMISTIC_WRITE);
    }
}
