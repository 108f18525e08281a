package org.tredegar.contracts.model;

import java.time.Instant;
import java.util.Objects;

/** A span of time, both ends inclusive; {@code from == to} means "at exactly this time". */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Time window ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
