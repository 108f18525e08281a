package org.tredegar.platform.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from SQL: native queries bind {@code timestamptz} as an {@link OffsetDateTime} in UTC, and read
 * it back as whatever the driver chose ({@code OffsetDateTime}, {@code LocalDateTime} in UTC, or {@code Instant}).
 * Written once so no service guesses the zone on its own.
 */
public final class SqlTime {
    private SqlTime() {
    }

    /** The parameter for a {@code timestamptz} column; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A {@code timestamptz} value from a native query's row; null stays null. */
    public static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (column instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (column instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + column.getClass().getName());
    }
}
