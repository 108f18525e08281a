package org.tredegar.notifications.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as an id for records and audit (never a name). */
final class Callers {
    private Callers() {
    }

    /** A partner is its OAuth client: {@code client_id}/{@code azp} of a client-credentials token. */
    static String client(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            for (String claim : new String[] {"client_id", "azp"}) {
                Object value = jwt.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString().replace("\"", "");
                }
            }
        }
        return identity.getPrincipal().getName();
    }

    static String actor(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return "user:" + jwt.getSubject();
        }
        return "user:" + identity.getPrincipal().getName();
    }
}
