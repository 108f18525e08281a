package org.tredegar.dashboard.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.dashboard.persistence.IgnoredEvents;
import org.tredegar.platform.inbox.IncomingEvent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Folds one event into the read models, through the projection registered for its type (one per event type, kept
 * with the others of its source topic: {@link RequestProjections}, {@link VolunteerProjections},
 * {@link LogisticsProjections}, {@link NotificationProjections}). Every statement merges by the event's own time or
 * inserts a fact keyed by its identity, so duplicates and events of different aggregates arriving in any order
 * leave the same rows; the inbox, whose transaction this runs in, lets each event id through once. Known types it
 * does not use are counted in {@code ignored_event}; unknown types never get here (the inbox dead-letters them).
 */
@ApplicationScoped
public class ReadModelProjector {
    private final ProjectionTable table = new ProjectionTable();
    /** Bumped on every applied event, so snapshot caches know when to recompute. */
    private final AtomicLong version = new AtomicLong();

    @Inject
    RequestProjections requests;
    @Inject
    VolunteerProjections volunteers;
    @Inject
    LogisticsProjections logistics;
    @Inject
    NotificationProjections notifications;
    @Inject
    IgnoredEvents ignored;
    @Inject
    MeterRegistry meters;

    @PostConstruct
    void registerProjections() {
        requests.register(table);
        volunteers.register(table);
        logistics.register(table);
        notifications.register(table);
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
        return ignored.counted(event.type().type(), event.time());
    }
}
