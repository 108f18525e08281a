package org.tredegar.notifications.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A notification taken by one dispatcher for one attempt (status sending, leased since {@code claimedAt}). */
public record Claimed(UUID id, UUID hubId, MessageKind kind, String recipientType, UUID recipientRef, String language,
                      boolean urgent, String causationEventId, UUID subjectRef, Map<String, Object> params,
                      int attempts, Instant claimedAt, boolean inDoubt, Instant createdAt) {
}
