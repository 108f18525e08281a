package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.dashboard.domain.HubSnapshot.DeliveryFailure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** One row per delivery trip ({@code delivery_state}): the latest time each step was seen, and why it failed. */
@ApplicationScoped
public class DeliveryStates {
    /** The trip steps a row records. */
    public enum Step {
        SCHEDULED("scheduled_at"), COMPLETED("completed_at"), FAILED("failed_at");

        private final String column;

        Step(String column) {
            this.column = column;
        }
    }

    @Inject
    Reads reads;

    /** A trip step; a failure's reason is kept (no reason changes nothing). */
    public Uni<Void> step(UUID deliveryId, UUID requestId, UUID hubId, Step step, Instant at, String reason) {
        String column = step.column;
        // The reason is bound as text, '' for none (a typed null would leave its type unknown), and stored as NULL.
        return run("INSERT INTO delivery_state (delivery_id, request_id, hub_id, " + column + ", reason) "
                + "VALUES (?1, ?2, ?3, ?4, NULLIF(?5, '')) ON CONFLICT (delivery_id) DO UPDATE SET " + column
                + " = GREATEST(delivery_state." + column + ", EXCLUDED." + column + "), "
                + "reason = COALESCE(EXCLUDED.reason, delivery_state.reason)", deliveryId, requestId, hubId, at,
                reason == null ? "" : reason).replaceWithVoid();
    }

    /** The 20 latest trips that failed and were not completed since. */
    public Uni<List<DeliveryFailure>> latestFailures(UUID hubId) {
        return reads.list("SELECT delivery_id, request_id, failed_at, reason FROM delivery_state "
                + "WHERE hub_id = $1 AND failed_at IS NOT NULL AND (completed_at IS NULL OR completed_at < failed_at) "
                + "ORDER BY failed_at DESC LIMIT 20", row -> new DeliveryFailure(row.getUUID("delivery_id"),
                row.getUUID("request_id"), Reads.instant(row, "failed_at"), row.getString("reason")), hubId);
    }
}
