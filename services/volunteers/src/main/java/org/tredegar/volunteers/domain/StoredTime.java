package org.tredegar.volunteers.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current instant at the precision PostgreSQL keeps (microseconds), so that a time written, compared in SQL and
 * sent in an event is the same time everywhere.
 */
public final class StoredTime {
    private StoredTime() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
