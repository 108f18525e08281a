package org.tredegar.volunteers.api;

import java.time.Instant;
import java.util.UUID;

/** A sign-up waiting for its code: the same answer whether or not the contact is already registered. */
public record SignUpAccepted(UUID signUpId, Instant expiresAt) {
}
