package org.tredegar.volunteers.domain;

import java.util.UUID;

/**
 * The caller's account as this service knows it. A volunteer with an account is stored under the token's subject
 * (a UUID in Keycloak), which is what the requests service compares with a request's assigned volunteer.
 *
 * @param username the token's {@code preferred_username}; only used to hand a demo profile to its demo login
 */
public record Account(UUID volunteerId, String subject, String username) {
}
