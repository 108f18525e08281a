package org.tredegar.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded attempt at a webhook delivery: the receiver's status code (none when it never answered), the
 * outcome, the error, and when the next attempt is due (none once delivered or given up). {@code seq} orders and
 * pages an attempt list (assigned by the database; 0 before insert).
 */
public record WebhookAttempt(long seq, UUID deliveryId, String eventId, String eventType, int attempt,
                             Instant attemptedAt, Integer statusCode, AttemptOutcome outcome, String error,
                             long durationMs, Instant nextAttemptAt) {
}
