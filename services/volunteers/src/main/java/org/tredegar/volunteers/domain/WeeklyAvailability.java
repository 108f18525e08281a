package org.tredegar.volunteers.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When someone is willing to be asked, as weekly windows in their own timezone (so "Monday 09:00–17:00" stays
 * right across daylight-saving changes). No windows means "whenever I am on duty".
 */
public record WeeklyAvailability(List<Slot> slots) {

    public static final WeeklyAvailability ALWAYS = new WeeklyAvailability(List.of());

    /** A window on one weekday; minutes since midnight, {@code toMinute} up to 1440 (24:00). */
    public record Slot(DayOfWeek day, int fromMinute, int toMinute) {
        public static Slot parse(String day, String from, String to) {
            return new Slot(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), minutes(from), minutes(to));
        }

        public String daySlug() {
            return day.name().toLowerCase(Locale.ROOT);
        }

        public String from() {
            return clock(fromMinute);
        }

        public String to() {
            return clock(toMinute);
        }
    }

    public WeeklyAvailability {
        slots = List.copyOf(slots);
    }

    /** A problem with one window: its index in the list, the field and why. */
    public record Problem(int index, String field, String message) {
    }

    /** Windows must end after they start and must not overlap on the same day (touching is fine). */
    public static Optional<Problem> check(List<Slot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (s.toMinute() <= s.fromMinute()) {
                return Optional.of(new Problem(i, "to", "must end after it starts (split a window that crosses midnight)"));
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            for (int j = 0; j < i; j++) {
                Slot a = slots.get(j);
                Slot b = slots.get(i);
                if (a.day() == b.day() && a.fromMinute() < b.toMinute() && b.fromMinute() < a.toMinute()) {
                    return Optional.of(new Problem(i, "from", "overlaps window " + j + " on " + b.daySlug()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether any window overlaps [from, to]; from == to asks about one instant. */
    public boolean availableDuring(Instant from, Instant to, ZoneId zone) {
        if (slots.isEmpty()) {
            return true;
        }
        if (Duration.between(from, to).toDays() >= 7) {
            return true;
        }
        ZonedDateTime start = from.atZone(zone);
        LocalDate lastDay = to.atZone(zone).toLocalDate();
        for (LocalDate day = start.toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (Slot slot : slots) {
                if (slot.day() != day.getDayOfWeek()) {
                    continue;
                }
                Instant slotStart = day.atStartOfDay(zone).plusMinutes(slot.fromMinute()).toInstant();
                Instant slotEnd = day.atStartOfDay(zone).plusMinutes(slot.toMinute()).toInstant();
                if (!slotStart.isAfter(to) && from.isBefore(slotEnd)) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<Slot> sorted() {
        return slots.stream().sorted(Comparator.comparing(Slot::day).thenComparingInt(Slot::fromMinute)).toList();
    }

    static int minutes(String clock) {
        String[] parts = clock.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    static String clock(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
