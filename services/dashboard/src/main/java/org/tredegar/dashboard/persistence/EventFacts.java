package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/**
 * Read models about the event streams themselves: notification outcomes, event types the dashboard does not use,
 * live arrivals per topic and minute, and emptying everything for a rebuild.
 */
public final class EventFacts {
    /** Every read-model table: what a rebuild empties before it replays the topics. */
    public static final List<String> READ_MODELS = List.of("request_state", "request_item", "volunteer_state",
            "volunteer_activity", "offer_state", "stock_report", "stock_movement", "reservation_line",
            "reservation_release", "delivery_state", "notification_outcome", "escalation", "ignored_event");

    private EventFacts() {
    }

    public static Uni<Void> notification(UUID id, UUID hubId, String kind, String channel, String outcome, Instant at) {
        return run("INSERT INTO notification_outcome (notification_id, hub_id, kind, channel, outcome, occurred_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (notification_id) DO UPDATE SET "
                + "outcome = EXCLUDED.outcome, occurred_at = EXCLUDED.occurred_at "
                + "WHERE (EXCLUDED.occurred_at, EXCLUDED.outcome) > (notification_outcome.occurred_at, notification_outcome.outcome)",
                id, hubId, kind, channel, outcome, at).replaceWithVoid();
    }

    public static Uni<Void> ignored(String eventType, Instant at) {
        return run("INSERT INTO ignored_event (event_type, events, last_at) VALUES (?1, 1, ?2) "
                + "ON CONFLICT (event_type) DO UPDATE SET events = ignored_event.events + 1, "
                + "last_at = GREATEST(ignored_event.last_at, EXCLUDED.last_at)", eventType, at).replaceWithVoid();
    }

    /** The event rate and the "stale" age count live arrivals only (a rebuild's replay is not traffic). */
    public static Uni<Void> arrived(String topic) {
        return run("INSERT INTO topic_activity (topic, minute, events, last_at) VALUES (?1, date_trunc('minute', now()), 1, now()) "
                + "ON CONFLICT (topic, minute) DO UPDATE SET events = topic_activity.events + 1, "
                + "last_at = GREATEST(topic_activity.last_at, EXCLUDED.last_at)", topic).replaceWithVoid();
    }

    /** Empties the read models and the dashboard's inbox, so a replay applies every event again. */
    public static Uni<Void> emptyForRebuild(String consumer) {
        return run("TRUNCATE " + String.join(", ", READ_MODELS))
                .chain(() -> run("DELETE FROM processed_events WHERE consumer = ?1", consumer)).replaceWithVoid();
    }
}
