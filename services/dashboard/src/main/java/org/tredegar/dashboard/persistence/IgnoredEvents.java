package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

import static org.tredegar.dashboard.persistence.Statements.run;

/**
 * Known event types the dashboard does not use ({@code ignored_event}): counted, not an error. A plain count is
 * right here, unlike in the read models: the inbox already lets each event id through once.
 */
@ApplicationScoped
public class IgnoredEvents {
    public Uni<Void> counted(String eventType, Instant at) {
        return run("INSERT INTO ignored_event (event_type, events, last_at) VALUES (?1, 1, ?2) "
                + "ON CONFLICT (event_type) DO UPDATE SET events = ignored_event.events + 1, "
                + "last_at = GREATEST(ignored_event.last_at, EXCLUDED.last_at)", eventType, at).replaceWithVoid();
    }
}
