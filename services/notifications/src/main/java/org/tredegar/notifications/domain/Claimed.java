package org.tredegar.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A notification taken by one dispatcher for one attempt (status sending, leased since {@code claimedAt}).
 * {@code failedChannels}: channels the provider already reported as undelivered for it (not tried again).
 * {@code lookupFailingSince}: since when looking up its contact or code has been failing, or null.
 */
public record Claimed(UUID id, UUID hubId, MessageKind kind, RecipientType recipientType, UUID recipientRef, String language,
                      boolean urgent, String causationEventId, UUID subjectRef, Map<String, Object> params,
                      int attempts, Instant claimedAt, boolean inDoubt, Instant createdAt, List<String> failedChannels,
                      Instant lookupFailingSince) {

    /** Until when the offer or the code it carries can be used, if it says. */
    public Optional<Instant> expiresAt() {
        Object expiresAt = params.get("expiresAt");
        return expiresAt == null ? Optional.empty() : Optional.of(Instant.parse(expiresAt.toString()));
    }
}
