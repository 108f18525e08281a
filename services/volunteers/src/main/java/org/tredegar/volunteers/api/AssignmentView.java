package org.tredegar.volunteers.api;

import java.time.Instant;
import java.util.UUID;

/** Who holds which request since when. */
public record AssignmentView(UUID id, UUID requestId, UUID volunteerId, String volunteerName, String status,
                             Instant since, Instant completedAt, Instant releasedAt) {
}
