package org.tredegar.notifications.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.notifications.config.Hubs;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Nobody is woken for something that can wait: a non-urgent message due in the hub's quiet hours (22:00–08:00 local
 * time unless configured) is held until they end. Urgent messages are never held.
 */
@ApplicationScoped
public class QuietHours {
    @ConfigProperty(name = "tredegar.quiet-hours.start", defaultValue = "22:00")
    LocalTime start;
    @ConfigProperty(name = "tredegar.quiet-hours.end", defaultValue = "08:00")
    LocalTime end;
    @Inject
    Hubs hubs;

    /** When a message may go out, if not now. */
    public Optional<Instant> holdUntil(UUID hubId, boolean urgent, Instant now) {
        if (urgent) {
            return Optional.empty();
        }
        return holdUntil(now, hubs.zoneOf(hubId), start, end);
    }

    static Optional<Instant> holdUntil(Instant now, ZoneId zone, LocalTime start, LocalTime end) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean wrapsMidnight = start.isAfter(end);
        boolean quiet = wrapsMidnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
        return Optional.of((endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant());
    }
}
