package org.tredegar.notifications.domain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again: exponential from {@code initial}, capped at {@code max}, with jitter so that
 * a recovered provider or partner is not hit by every retry at once.
 */
public record Backoff(Duration initial, Duration max) {

    /** Before attempt {@code attempt + 1}. */
    public Duration after(int attempt) {
        return jittered(initial.toMillis() * (1L << Math.min(attempt - 1, 20)));
    }

    /**
     * During an outage the pause grows with the time already waited (half of it, from the initial backoff up to the
     * maximum), with the same jitter, so a long outage is not met by every message every few seconds.
     */
    public Duration growingWith(Duration waited) {
        return jittered(Math.max(initial.toMillis(), waited.toMillis() / 2));
    }

    /** {@code base} capped at the maximum, then anywhere from half of it to all of it. */
    private Duration jittered(long base) {
        long capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
