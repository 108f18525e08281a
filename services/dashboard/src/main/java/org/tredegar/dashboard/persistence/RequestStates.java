package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/**
 * One row per request ({@code request_state}): the time each lifecycle step was last (or first) seen. Every
 * statement merges by the event's own time (GREATEST, LEAST, last-writer-wins with a fixed tie-break), so
 * duplicates and events arriving in any order leave the same row. Read through {@link RequestView}.
 */
@ApplicationScoped
public class RequestStates {
    /** The lifecycle steps a row records, each the latest time it was seen; the status is whichever is latest. */
    public enum Step {
        TRIAGED("triaged_at"), MATCHED("matched_at"), IN_PROGRESS("in_progress_at"), FULFILLED("fulfilled_at"),
        CANCELLED("cancelled_at"), CLOSED("closed_at"), REOPENED("reopened_at"), RELEASED("released_at"),
        RESERVATION_FAILED("reservation_failed_at");

        private final String column;

        Step(String column) {
            this.column = column;
        }
    }

    /**
     * Creates the row if needed and takes category/urgency if this source is newer, or ranks higher at the same
     * time ({@code rank}: a larger number wins a tie).
     */
    public Uni<Void> classify(UUID requestId, UUID hubId, String category, String urgency, Instant at, int rank) {
        String newer = "(request_state.class_at IS NULL OR (EXCLUDED.class_at, EXCLUDED.class_rank) > "
                + "(request_state.class_at, request_state.class_rank))";
        return run("INSERT INTO request_state (request_id, hub_id, category, urgency, class_at, class_rank) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (request_id) DO UPDATE SET "
                        + "category = CASE WHEN " + newer + " THEN EXCLUDED.category ELSE request_state.category END, "
                        + "urgency = CASE WHEN " + newer + " THEN EXCLUDED.urgency ELSE request_state.urgency END, "
                        + "class_rank = CASE WHEN " + newer + " THEN EXCLUDED.class_rank ELSE request_state.class_rank END, "
                        + "class_at = CASE WHEN " + newer + " THEN EXCLUDED.class_at ELSE request_state.class_at END",
                requestId, hubId, category, urgency, at, rank).replaceWithVoid();
    }

    /** The first submission time is kept (the row exists: {@link #classify} made it). */
    public Uni<Void> submittedAt(UUID requestId, Instant at) {
        return run("UPDATE request_state SET submitted_at = LEAST(submitted_at, ?2) WHERE request_id = ?1", requestId, at)
                .replaceWithVoid();
    }

    /** The first area given is kept. */
    public Uni<Void> area(UUID requestId, String area) {
        return run("UPDATE request_state SET area = ?2 WHERE request_id = ?1 AND area IS NULL", requestId, area)
                .replaceWithVoid();
    }

    /** Already approximate (about 110 m) in the event; only the operator map uses it, per ~1 km cell. First kept. */
    public Uni<Void> place(UUID requestId, double lat, double lon) {
        return run("UPDATE request_state SET lat = ?2, lon = ?3 WHERE request_id = ?1 AND lat IS NULL", requestId, lat, lon)
                .replaceWithVoid();
    }

    /** The highest escalation level reached, and when the latest escalation was seen. */
    public Uni<Void> escalated(UUID requestId, int level, Instant at) {
        return run("UPDATE request_state SET escalation_level = GREATEST(escalation_level, ?2), "
                + "escalated_at = GREATEST(escalated_at, ?3) WHERE request_id = ?1", requestId, level, at)
                .replaceWithVoid();
    }

    /** The latest time a lifecycle step was seen; the status is whichever step is latest. */
    public Uni<Void> step(UUID requestId, UUID hubId, Step step, Instant at) {
        String column = step.column;
        return run("INSERT INTO request_state (request_id, hub_id, " + column + ") VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (request_id) DO UPDATE SET " + column + " = GREATEST(request_state." + column
                + ", EXCLUDED." + column + ")", requestId, hubId, at).replaceWithVoid();
    }

    /** The first match is kept: "time to a first match" is what the figures measure. */
    public Uni<Void> firstMatch(UUID requestId, Instant at) {
        return run("UPDATE request_state SET first_matched_at = LEAST(first_matched_at, ?2) WHERE request_id = ?1",
                requestId, at).replaceWithVoid();
    }

    /** Who holds the request: the volunteer of the latest match or start (ties: the larger id, arbitrary but fixed). */
    public Uni<Void> holder(UUID requestId, UUID volunteerId, Instant at) {
        return run("UPDATE request_state SET holder_id = ?2, holder_at = ?3 WHERE request_id = ?1 AND "
                + "(holder_at IS NULL OR (CAST(?3 AS timestamptz), CAST(?2 AS uuid)) > (holder_at, holder_id))",
                requestId, volunteerId, at).replaceWithVoid();
    }
}
