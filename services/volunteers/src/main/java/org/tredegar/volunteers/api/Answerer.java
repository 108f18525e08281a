package org.tredegar.volunteers.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.domain.Account;

import java.util.UUID;

/**
 * Whose answer a call is — to an offer (YES / NO) or about a task (DONE / CAN'T). A volunteer's call is always their
 * own, whatever its body names; a service (the notifications service relaying an SMS reply, role {@code service}
 * without {@code volunteer}) must name the volunteer it answers for, and the domain then checks the offer or task is
 * that volunteer's.
 */
final class Answerer {
    private Answerer() {
    }

    /** The volunteer answering: the caller, or for a service the volunteer {@code named} in the body (400 without). */
    static UUID of(SecurityIdentity identity, UUID named) {
        if (identity.hasRole("service") && !identity.hasRole("volunteer")) {
            if (named == null) {
                throw ApiProblem.badField("volunteerId", "a service answers for a named volunteer");
            }
            return named;
        }
        return Account.of(Caller.of(identity)).volunteerId();
    }
}
