package org.tredegar.volunteers.api;

/** Shapes of availability windows (list-shaped fields are checked in ProfileRules). */
final class Patterns {
    static final String WEEKDAY = "^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$";
    static final String WEEKDAY_MESSAGE = "must be a weekday: monday … sunday";
    static final String CLOCK = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    static final String CLOCK_END = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$";

    private Patterns() {
    }
}
