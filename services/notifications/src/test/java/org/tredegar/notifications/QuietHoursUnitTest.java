package org.tredegar.notifications.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursUnitTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalTime START = LocalTime.of(22, 0);
    static final LocalTime END = LocalTime.of(8, 0);

    @Test
    void lateEveningIsHeldUntilEightNextMorning() {
        assertThat(QuietHours.holdUntil(Instant.parse("2025-01-10T23:30:00Z"), LONDON, START, END))
                .contains(Instant.parse("2025-01-11T08:00:00Z"));
    }

    @Test
    void earlyMorningIsHeldUntilEightThatMorningInSummerTimeToo() {
        assertThat(QuietHours.holdUntil(Instant.parse("2025-07-10T04:00:00Z"), LONDON, START, END))
                .contains(Instant.parse("2025-07-10T07:00:00Z"));
    }

    @Test
    void daytimeIsNotHeld() {
        assertThat(QuietHours.holdUntil(Instant.parse("2025-01-10T12:00:00Z"), LONDON, START, END)).isEmpty();
        assertThat(QuietHours.holdUntil(Instant.parse("2025-01-10T08:00:00Z"), LONDON, START, END)).isEmpty();
        assertThat(QuietHours.holdUntil(Instant.parse("2025-01-10T21:59:59Z"), LONDON, START, END)).isEmpty();
    }
}
