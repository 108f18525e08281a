package org.tredegar.notifications.domain;

import java.time.Instant;

/** What becomes of a claimed message that was not (or could not be) sent this time. */
public sealed interface Decision {
    /** Nothing to send, and no attempt will ever be made: skipped. */
    record Skip(String reason) implements Decision {
    }

    /** Quiet hours: held until they end. No attempt, and time held is not time spent waiting out a lookup outage. */
    record Hold(Instant until) implements Decision {
    }

    /** The provider's token bucket is empty: back in the queue for when a token is due. Not an attempt. */
    record Requeue(Instant at) implements Decision {
    }

    /** The attempt failed in a way that may pass: tried again at {@code at}. */
    record Retry(Instant at, String reason) implements Decision {
    }

    /** The contact or code could not be looked up (an outage of ours): waits it out. Not an attempt at the person. */
    record AwaitLookup(Instant at, String reason) implements Decision {
    }

    /** No more attempts: failed, and NotificationFailed says why. {@code channel}: what was tried ("none" if nothing). */
    record GiveUp(String channel, String reason) implements Decision {
    }
}
