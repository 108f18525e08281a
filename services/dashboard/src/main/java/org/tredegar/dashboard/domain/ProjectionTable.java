package org.tredegar.dashboard.domain;

import io.smallrye.mutiny.Uni;
import org.tredegar.platform.inbox.IncomingEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which projection folds which event type into the read models: one entry per type, looked up by the event's class
 * (no instanceof chain to extend). Filled once by the projections of each source topic.
 */
final class ProjectionTable {
    /** One event type's effect. {@code at} is the event's own time (its occurredAt, else the CloudEvent time). */
    @FunctionalInterface
    interface Projection<E> {
        Uni<Void> apply(E event, Instant at, IncomingEvent envelope);
    }

    private final Map<Class<?>, Projection<Object>> byType = new HashMap<>();

    /** Registers the projection of one type; {@code occurredAt} is the event's own time, when it carries one. */
    @SuppressWarnings("unchecked")
    <E> ProjectionTable on(Class<E> type, Function<E, Instant> occurredAt, Projection<E> projection) {
        Projection<Object> timed = (event, cloudEventTime, envelope) -> {
            Instant own = occurredAt.apply((E) event);
            return projection.apply((E) event, own != null ? own : cloudEventTime, envelope);
        };
        if (byType.putIfAbsent(type, timed) != null) {
            throw new IllegalStateException("two projections for " + type.getSimpleName());
        }
        return this;
    }

    /** The projection of this event's type, given the CloudEvent time for events that carry no time of their own. */
    Optional<Projection<Object>> of(Object data) {
        return Optional.ofNullable(byType.get(data.getClass()));
    }
}
