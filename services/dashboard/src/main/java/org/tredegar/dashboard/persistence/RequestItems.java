package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** What each request asked for ({@code request_item}): the demand side of "supply vs demand". Insert-once. */
@ApplicationScoped
public class RequestItems {
    @Inject
    Reads reads;

    public Uni<Void> asked(UUID requestId, UUID hubId, String item, int quantity) {
        return run("INSERT INTO request_item (request_id, item, hub_id, quantity) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT DO NOTHING", requestId, item, hubId, quantity).replaceWithVoid();
    }

    /** Items asked for by open requests: item → quantity. */
    public Uni<Map<String, Long>> askedByOpenRequests(UUID hubId) {
        return reads.map("SELECT i.item, sum(i.quantity) AS requested FROM request_item i "
                        + "JOIN request_view r USING (request_id) WHERE i.hub_id = $1 AND r.status IN " + RequestView.OPEN
                        + " GROUP BY i.item", row -> row.getString("item"), row -> Reads.count(row, "requested"), hubId);
    }
}
