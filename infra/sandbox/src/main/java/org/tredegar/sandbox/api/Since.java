package org.tredegar.sandbox.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The {@code since} filter: an ISO-8601 instant ("2025-05-01T09:00:00Z", or with an offset) or a day (UTC). */
final class Since {
    private Since() {
    }

    static Instant parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip().replace(' ', '+');  // an unencoded "+01:00" offset arrives as a space
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADay) {
                throw BadRequest.field("since", "must be an ISO-8601 time such as 2025-05-01T09:00:00Z, or a day");
            }
        }
    }
}
