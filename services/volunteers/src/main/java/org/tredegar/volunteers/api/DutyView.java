package org.tredegar.volunteers.api;

import java.util.UUID;

/** Where a duty switch left the volunteer, and the language to confirm it in. */
public record DutyView(UUID volunteerId, boolean onDuty, String language) {
}
