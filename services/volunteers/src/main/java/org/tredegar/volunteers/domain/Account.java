package org.tredegar.volunteers.domain;

import org.tredegar.platform.caller.Caller;

import java.util.UUID;

/**
 * The caller's account as this service knows it. A volunteer with an account is stored under the token's subject
 * (a UUID in Keycloak), which is what the requests service compares with a request's assigned volunteer.
 *
 * @param username the token's {@code preferred_username}; only used to hand a demo profile to its demo login
 */
public record Account(UUID volunteerId, String subject, String username) {

    /** A volunteer's own account; any other subject than a UUID gets a stable UUID derived from it. */
    public static Account of(Caller caller) {
        return new Account(caller.accountUuid(), caller.subject().orElse(null), caller.username().orElse(null));
    }

    /** Someone known only by their volunteer id (a person working by text, found by their number). */
    public static Account byId(UUID volunteerId) {
        return new Account(volunteerId, null, null);
    }
}
