package org.tredegar.requests.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** Who is calling, as the audit trail names them: role and token subject, never a person's name. */
final class Callers {
    private Callers() {
    }

    static String actor(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return "requester";
        }
        String role = identity.hasRole("coordinator") ? "coordinator" : identity.hasRole("partner") ? "partner"
                : identity.hasRole("volunteer") ? "volunteer" : identity.hasRole("operator") ? "operator"
                : identity.hasRole("admin") ? "admin" : identity.hasRole("service") ? "service" : "user";
        return role + ":" + subject(identity).orElse(identity.getPrincipal().getName());
    }

    static Optional<String> subject(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return Optional.of(jwt.getSubject());
        }
        return Optional.ofNullable(identity.getPrincipal()).map(java.security.Principal::getName);
    }

    /** A partner's client id (azp of its client-credentials token), for idempotency keys per client. */
    static String clientId(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("azp") != null) {
            return jwt.getClaim("azp").toString();
        }
        return identity.getPrincipal().getName();
    }

    /** Volunteers with an account are known to the volunteers service by their token subject. */
    static Optional<UUID> volunteerId(SecurityIdentity identity) {
        try {
            return subject(identity).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
