package org.tredegar.dashboard.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.dashboard.persistence.EventFacts;
import org.tredegar.platform.inbox.IncomingEvent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Folds one event into the read models, through the projection registered for its type (one per event type, kept
 * with the others of its source topic: {@link RequestProjections}, {@link VolunteerProjections},
 * {@link SupplyProjections}, notifications here). Every statement merges by the event's own time or inserts a fact
 * keyed by its identity, so duplicates and events of different aggregates arriving in any order leave the same rows.
 * Known types it does not use are counted in {@code ignored_event}; unknown types never get here (the inbox
 * dead-letters them).
 */
@ApplicationScoped
public class ReadModelProjector {
    private final ProjectionTable table = new ProjectionTable();

    @Inject
    MeterRegistry meters;

    /** Bumped on every applied event, so snapshot caches know when to recompute. */
    private final AtomicLong version = new AtomicLong();

    public ReadModelProjector() {
        RequestProjections.register(table);
        VolunteerProjections.register(table);
        SupplyProjections.register(table);
        table.on(NotificationSent.class, NotificationSent::occurredAt, (e, at, envelope) -> EventFacts.notification(e.notificationId(), e.hubId(),
                        e.kind(), e.channel(), "sent", at))
                .on(NotificationFailed.class, NotificationFailed::occurredAt, (e, at, envelope) -> EventFacts.notification(e.notificationId(), e.hubId(),
                        e.kind(), e.channel(), "failed", at));
    }

    public long version() {
        return version.get();
    }

    public Uni<Void> apply(IncomingEvent event) {
        return project(event).invoke(version::incrementAndGet);
    }

    private Uni<Void> project(IncomingEvent event) {
        Object data = event.data();
        return table.of(data).map(projection -> projection.apply(data, event.time(), event))
                .orElseGet(() -> ignored(event));
    }

    private Uni<Void> ignored(IncomingEvent event) {
        meters.counter("tredegar.dashboard.ignored", "type", event.type().name()).increment();
        return EventFacts.ignored(event.type().type(), event.time());
    }
}
