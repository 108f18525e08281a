package org.tredegar.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/** A webhook delivery claimed for one attempt (number {@code attempt}), and until when it may be tried at all. */
public record DueDelivery(UUID id, UUID subscriptionId, String payload, int attempt, Instant giveUpAt) {
}
