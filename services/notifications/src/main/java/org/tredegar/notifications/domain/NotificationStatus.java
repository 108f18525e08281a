package org.tredegar.notifications.domain;

import org.tredegar.contracts.model.Slugged;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a notification stands: pending/held → sending (claimed under a lease) → sent | failed | skipped, or
 * suppressed from the start by the window rule. Stored as the slug, the text the status column has always held.
 */
public enum NotificationStatus implements Slugged {
    /** Due at {@code next_attempt_at}: new, or back in the queue after a retry, a rate limit or a lookup outage. */
    PENDING("pending"),
    /** Held by quiet hours until {@code next_attempt_at}. */
    HELD("held"),
    /** Taken by one dispatcher for one attempt, leased since {@code claimed_at}; a provider call may be under way. */
    SENDING("sending"),
    /** A provider took it (a delivery receipt may still move it on to the next channel). */
    SENT("sent"),
    /** Given up on, with NotificationFailed published. */
    FAILED("failed"),
    /** Nothing to send: nobody to reach, or an offer or a code that is no longer valid. */
    SKIPPED("skipped"),
    /** Collapsed by the window rule: the recipient was told the same kind of thing a moment ago. */
    SUPPRESSED("suppressed");

    private final String slug;

    NotificationStatus(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    /** {@code ('pending', 'held')}: statuses as an SQL list literal, so a partial index on them can be used. */
    public static String sqlList(NotificationStatus... statuses) {
        return Arrays.stream(statuses).map(s -> "'" + s.slug + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
