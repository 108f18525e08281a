package org.tredegar.logistics.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** Who is calling, as the audit trail names them: role and token subject, never a person's name. */
final class Callers {
    private Callers() {
    }

    static String actor(SecurityIdentity identity) {
        String role = identity.hasRole("coordinator") ? "coordinator" : identity.hasRole("volunteer") ? "volunteer"
                : identity.hasRole("operator") ? "operator" : identity.hasRole("admin") ? "admin" : "user";
        return role + ":" + subject(identity).orElse("unknown");
    }

    static Optional<String> subject(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return Optional.of(jwt.getSubject());
        }
        return Optional.ofNullable(identity.getPrincipal()).map(java.security.Principal::getName);
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
