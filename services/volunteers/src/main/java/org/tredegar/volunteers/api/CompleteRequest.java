package org.tredegar.volunteers.api;

import java.util.UUID;

/**
 * Optional body of complete. Only a service (the notifications service relaying an SMS "DONE") names the volunteer
 * it answers for; a volunteer's own call is always theirs, whatever the body says.
 */
public record CompleteRequest(UUID volunteerId) {
}
