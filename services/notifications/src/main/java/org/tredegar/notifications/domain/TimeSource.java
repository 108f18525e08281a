package org.tredegar.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The service's clock: one place to read the time, so quiet hours and retries can be tested at any hour. */
@ApplicationScoped
public class TimeSource {
    public Instant now() {
        // PostgreSQL keeps microseconds: truncating here makes what we write and what we read back compare equal.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
