package org.tredegar.platform.caller;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, read once from the token, the same way in every service. The audit trail names a caller as
 * {@code <role>:<id>} and never by name: a person's id is their token subject, a client's (a partner or one of our
 * services, with a client-credentials token) is its client id, which is what its owners know it by.
 *
 * @param role      the caller's strongest role (see {@link #ROLES}), {@code user} for any other account,
 *                  {@code anonymous} without a token
 * @param subject   the token subject (absent when anonymous)
 * @param clientId  the OAuth client the token was issued to ({@code client_id}, else {@code azp})
 * @param username  the account's {@code preferred_username}, only for showing a person their own account
 */
public record Caller(String role, Optional<String> subject, Optional<String> clientId, Optional<String> username) {
    /** Strongest first: a coordinator who also volunteers acts as coordinator. */
    public static final List<String> ROLES = List.of("coordinator", "partner", "service", "volunteer", "operator",
            "admin");
    public static final String ANONYMOUS = "anonymous";
    private static final List<String> CLIENT_ROLES = List.of("partner", "service");

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return new Caller(ANONYMOUS, Optional.empty(), Optional.empty(), Optional.empty());
        }
        String role = ROLES.stream().filter(identity::hasRole).findFirst().orElse("user");
        Optional<String> subject = Optional.ofNullable(identity.getPrincipal().getName());
        Optional<String> clientId = Optional.empty();
        Optional<String> username = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() != null) {
                subject = Optional.of(jwt.getSubject());
            }
            clientId = claim(jwt, "client_id").or(() -> claim(jwt, "azp"));
            username = claim(jwt, "preferred_username");
        }
        return new Caller(role, subject, clientId, username);
    }

    public boolean isAnonymous() {
        return ANONYMOUS.equals(role);
    }

    /** How the audit trail and records name this caller: {@code coordinator:<sub>}, {@code partner:<client>}. */
    public String actor() {
        if (isAnonymous()) {
            return ANONYMOUS;
        }
        return role + ":" + id();
    }

    /** The id inside {@link #actor()}: the client id for clients, the token subject for people. */
    public String id() {
        if (CLIENT_ROLES.contains(role) && clientId.isPresent()) {
            return clientId.get();
        }
        return subject.or(() -> clientId).orElse("unknown");
    }

    /** The client a token was issued to (for per-client keys such as idempotency and webhooks). */
    public String client() {
        return clientId.or(() -> subject).orElse(ANONYMOUS);
    }

    /** Volunteers with an account are known to the volunteers service by their token subject, a UUID. */
    public Optional<UUID> subjectUuid() {
        try {
            return subject.map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A UUID for this account: the subject when it is one (Keycloak's are), else a stable UUID derived from it. */
    public UUID accountUuid() {
        String sub = subject.orElseThrow(() -> new IllegalStateException("an anonymous caller has no account"));
        return subjectUuid().orElseGet(() ->
                UUID.nameUUIDFromBytes(("tredegar-account:" + sub).getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<String> claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.toString().replace("\"", ""));
    }
}
