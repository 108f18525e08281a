package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.dashboard.domain.HubSnapshot;

import java.time.Instant;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** Each escalation level a request reached, first seen when ({@code escalation}). */
@ApplicationScoped
public class Escalations {
    @Inject
    Reads reads;

    public Uni<Void> reached(UUID requestId, int level, UUID hubId, Instant at) {
        return run("INSERT INTO escalation (request_id, level, hub_id, occurred_at) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT (request_id, level) DO UPDATE SET occurred_at = LEAST(escalation.occurred_at, EXCLUDED.occurred_at)",
                requestId, level, hubId, at).replaceWithVoid();
    }

    /** Unmatched requests that were escalated, and escalations in the last 24 hours (one query: one round trip). */
    public Uni<HubSnapshot.Escalations> figures(UUID hubId) {
        return reads.one("SELECT (SELECT count(*) FROM request_view WHERE hub_id = $1 "
                + "AND escalation_level > 0 AND status IN " + RequestView.UNMATCHED + ") AS open, (SELECT count(*) FROM escalation "
                + "WHERE hub_id = $1 AND occurred_at > now() - interval '24 hours') AS day",
                row -> new HubSnapshot.Escalations(Reads.count(row, "open"), Reads.count(row, "day")), hubId);
    }
}
