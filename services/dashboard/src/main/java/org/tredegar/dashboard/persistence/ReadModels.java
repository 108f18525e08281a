package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import static org.tredegar.dashboard.persistence.Statements.run;

/** All read models at once: what a rebuild empties before it replays the topics. */
@ApplicationScoped
public class ReadModels {
    /** Every read-model table; topic_activity is operational (live traffic) and stays. */
    static final List<String> TABLES = List.of("request_state", "request_item", "volunteer_state",
            "volunteer_activity", "offer_state", "stock_report", "stock_movement", "reservation_line",
            "reservation_release", "delivery_state", "notification_outcome", "escalation", "ignored_event");

    /** Empties the read models and the consumer's inbox memory, so a replay applies every event again. */
    public Uni<Void> emptyForReplay(String consumer) {
        return run("TRUNCATE " + String.join(", ", TABLES))
                .chain(() -> run("DELETE FROM processed_events WHERE consumer = ?1", consumer)).replaceWithVoid();
    }
}
