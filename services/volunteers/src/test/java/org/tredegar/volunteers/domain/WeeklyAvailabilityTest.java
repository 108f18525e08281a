package org.tredegar.volunteers.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyAvailabilityTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static WeeklyAvailability.Slot slot(String day, String from, String to) {
        return WeeklyAvailability.Slot.parse(day, from, to);
    }

    @Test
    void windowsMustEndAfterTheyStartAndNotOverlap() {
        assertThat(WeeklyAvailability.check(List.of(slot("monday", "09:00", "12:00"), slot("monday", "12:00", "24:00")))).isEmpty();
        assertThat(WeeklyAvailability.check(List.of(slot("monday", "09:00", "12:00"), slot("tuesday", "10:00", "11:00")))).isEmpty();
        assertThat(WeeklyAvailability.check(List.of(slot("monday", "12:00", "09:00"))))
                .hasValueSatisfying(p -> assertThat(p.field()).isEqualTo("to"));
        assertThat(WeeklyAvailability.check(List.of(slot("monday", "10:00", "10:00")))).isPresent();
        assertThat(WeeklyAvailability.check(List.of(slot("friday", "09:00", "12:00"), slot("friday", "08:00", "09:30"))))
                .hasValueSatisfying(p -> assertThat(p.index()).isEqualTo(1));
    }

    @Test
    void summerTimeIsRespected() {
        WeeklyAvailability nineToFive = new WeeklyAvailability(List.of(slot("wednesday", "09:00", "17:00")));
        // 08:30 UTC is 09:30 in London in July (BST) but 08:30 in January (GMT).
        Instant july = Instant.parse("2025-07-02T08:30:00Z");
        Instant january = Instant.parse("2025-01-01T08:30:00Z");
        assertThat(nineToFive.availableDuring(july, july, LONDON)).isTrue();
        assertThat(nineToFive.availableDuring(january, january, LONDON)).isFalse();
    }

    @Test
    void noWindowsMeansWheneverOnDuty() {
        Instant any = Instant.parse("2025-03-09T03:00:00Z");
        assertThat(WeeklyAvailability.ALWAYS.availableDuring(any, any, LONDON)).isTrue();
    }
}
