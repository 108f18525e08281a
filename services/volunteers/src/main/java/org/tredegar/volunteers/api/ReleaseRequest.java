package org.tredegar.volunteers.api;

import jakarta.validation.constraints.Pattern;

import java.util.UUID;

/**
 * Why a volunteer gives a task back: a short reason from a fixed list, never free text (it travels in events).
 * Only a service (the notifications service relaying an SMS "CAN'T") names the volunteer it answers for; a
 * volunteer's own call is always theirs, whatever {@code volunteerId} says.
 */
public record ReleaseRequest(
        UUID volunteerId,
        @Pattern(regexp = "^(cannot-make-it|unwell|too-far|not-suitable|other)$",
                message = "must be one of cannot-make-it, unwell, too-far, not-suitable, other") String reason) {
}
