package org.tredegar.platform.inbox;

import org.tredegar.contracts.EventType;
import org.tredegar.contracts.TredegarEvent;

import java.time.Instant;

/** A validated CloudEvent as a handler sees it: the envelope's id and time, and the typed data. */
public record IncomingEvent(String id, EventType<?> type, Instant time, TredegarEvent data) {
    public boolean is(Class<? extends TredegarEvent> dataClass) {
        return dataClass.isInstance(data);
    }

    public <T extends TredegarEvent> T as(Class<T> dataClass) {
        return dataClass.cast(data);
    }
}
