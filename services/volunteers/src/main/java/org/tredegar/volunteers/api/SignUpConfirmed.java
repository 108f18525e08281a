package org.tredegar.volunteers.api;

import java.util.UUID;

/** The volunteer a confirmed sign-up became (or already was, when the contact was registered before). */
public record SignUpConfirmed(UUID volunteerId) {
}
