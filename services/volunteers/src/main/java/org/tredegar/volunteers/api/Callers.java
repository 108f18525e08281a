package org.tredegar.volunteers.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tredegar.volunteers.domain.Account;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Who is calling: their account, and how the audit trail names them (role and subject, never a name). */
final class Callers {
    private Callers() {
    }

    static Account account(SecurityIdentity identity) {
        String subject = subject(identity);
        String username = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null
                ? jwt.getClaim("preferred_username").toString() : null;
        return new Account(volunteerId(subject), subject, username);
    }

    static String actor(SecurityIdentity identity) {
        String role = identity.hasRole("coordinator") ? "coordinator" : identity.hasRole("volunteer") ? "volunteer"
                : identity.hasRole("operator") ? "operator" : identity.hasRole("admin") ? "admin"
                : identity.hasRole("service") ? "service" : "user";
        if ("service".equals(role) && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object client = jwt.getClaim("client_id") != null ? jwt.getClaim("client_id") : jwt.getClaim("azp");
            if (client != null) {
                return "service:" + client;
            }
        }
        return role + ":" + subject(identity);
    }

    private static String subject(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** Keycloak subjects are UUIDs and used as they are; any other subject gets a stable UUID derived from it. */
    static UUID volunteerId(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(("tredegar-account:" + subject).getBytes(StandardCharsets.UTF_8));
        }
    }
}
