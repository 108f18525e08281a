package org.tredegar.volunteers.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Optional body of accept/decline. Only a service (the notifications service relaying an SMS "YES ABC123")
 * names the volunteer it answers for; a volunteer's own answer is always theirs, whatever the body says.
 */
public record OfferAnswer(UUID volunteerId, @Size(max = 20) @Pattern(regexp = "^[a-z-]*$") String via) {
}
