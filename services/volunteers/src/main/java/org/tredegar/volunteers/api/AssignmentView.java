package org.tredegar.volunteers.api;

import org.tredegar.volunteers.domain.AssignmentStatus;

import java.time.Instant;
import java.util.UUID;

/** Who holds which request since when. */
public record AssignmentView(UUID id, UUID requestId, UUID volunteerId, String volunteerName, AssignmentStatus status,
                             Instant since, Instant completedAt, Instant releasedAt) {
}
