package org.tredegar.platform.inbox;

import io.smallrye.mutiny.Uni;
import org.tredegar.contracts.TredegarEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a consumer does with each event type it handles, in one list: the inbox reads from it both which types to
 * act on and what to do, so the types a consumer ignores can be acknowledged unread ({@link EventInbox}) without a
 * second list to keep in step with the first.
 */
public final class EventHandlers {
    private final Map<Class<? extends TredegarEvent>, Function<TredegarEvent, Uni<Void>>> byType;

    private EventHandlers(Map<Class<? extends TredegarEvent>, Function<TredegarEvent, Uni<Void>>> byType) {
        this.byType = byType;
    }

    public static EventHandlers empty() {
        return new EventHandlers(Map.of());
    }

    /** These handlers and one more, for events of {@code type}. */
    public <T extends TredegarEvent> EventHandlers on(Class<T> type, Function<T, Uni<Void>> handler) {
        Map<Class<? extends TredegarEvent>, Function<TredegarEvent, Uni<Void>>> more = new LinkedHashMap<>(byType);
        if (more.put(type, event -> handler.apply(type.cast(event))) != null) {
            throw new IllegalArgumentException("two handlers for " + type.getSimpleName());
        }
        return new EventHandlers(Map.copyOf(more));
    }

    public boolean handles(Class<?> type) {
        return byType.containsKey(type);
    }

    Uni<Void> handle(IncomingEvent event) {
        Function<TredegarEvent, Uni<Void>> handler = byType.get(event.data().getClass());
        return handler == null ? Uni.createFrom().voidItem() : handler.apply(event.data());
    }
}
