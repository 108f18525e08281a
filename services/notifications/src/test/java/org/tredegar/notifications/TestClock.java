package org.tredegar.notifications;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.tredegar.notifications.domain.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The service's clock in tests: real time moved to midday in the hubs' time zone, so that a run at night is not
 * caught by quiet hours, and movable to any hour by the tests that are about quiet hours.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends TimeSource {
    public static final ZoneId HUB_ZONE = ZoneId.of("Europe/London");
    private static volatile Duration shift = shiftTo(LocalTime.NOON);

    @Override
    public Instant now() {
        return current();
    }

    public static Instant current() {
        return Instant.now().plus(shift).truncatedTo(ChronoUnit.MICROS);
    }

    /** From now on the hubs' local time reads {@code time} on {@code day}, and runs on from there. */
    public static void set(LocalDate day, LocalTime time) {
        shift = Duration.between(Instant.now(), day.atTime(time).atZone(HUB_ZONE).toInstant());
    }

    public static void reset() {
        shift = shiftTo(LocalTime.NOON);
    }

    private static Duration shiftTo(LocalTime time) {
        return Duration.between(Instant.now(), LocalDate.now(HUB_ZONE).atTime(time).atZone(HUB_ZONE).toInstant());
    }
}
