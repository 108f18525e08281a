package org.tredegar.notifications.domain;

import java.util.UUID;

/** A running task whose volunteer and requester may text each other through the hub's number. */
public record TaskRelay(UUID assignmentId, UUID requestId, UUID hubId, UUID volunteerId) {
}
