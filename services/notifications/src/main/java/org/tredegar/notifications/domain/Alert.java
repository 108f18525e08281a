package org.tredegar.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A public alert a hub's coordinators published, with CAP 1.2 values as the standard spells them. {@code seq} is
 * its place in the feed (assigned by the database; null before it is stored).
 */
public record Alert(UUID id, UUID hubId, String hubSlug, String sender, Instant sentAt, String headline,
                    String description, String instruction, String severity, String urgency, String certainty,
                    Instant expiresAt, Long seq) {
}
