package org.tredegar.platform.hub;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tredegar.platform.problem.ApiProblem;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hub scoping: a caller acts only for the hubs in the {@code hubs} claim of their Keycloak token (slugs). The same
 * answer (403) for "not your hub" everywhere, so probing reveals nothing more than the role check does.
 */
public final class HubAccess {
    private HubAccess() {
    }

    public static Set<String> hubsOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Set.of();
        }
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("hubs") : null;
        if (claim == null) {
            claim = identity.getAttribute("hubs");
        }
        if (claim instanceof JsonArray array) {
            return array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                    .collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).map(HubAccess::unquote).collect(Collectors.toSet());
        }
        if (claim instanceof String text) {
            return Arrays.stream(text.split(",")).map(String::trim).map(HubAccess::unquote)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        }
        return Set.of();
    }

    public static boolean isMember(SecurityIdentity identity, String hubSlug) {
        return hubsOf(identity).contains(hubSlug);
    }

    public static void requireMember(SecurityIdentity identity, String hubSlug) {
        if (!isMember(identity, hubSlug)) {
            throw ApiProblem.forbidden("you act for other hubs than this one");
        }
    }

    /** For paths that take the hub's id or slug: checks membership and returns the hub's id. */
    public static java.util.UUID requireMemberOf(SecurityIdentity identity, String idOrSlug) {
        for (String slug : hubsOf(identity)) {
            java.util.UUID id = HubIds.idOf(slug);
            if (slug.equals(idOrSlug) || id.toString().equalsIgnoreCase(idOrSlug)) {
                return id;
            }
        }
        throw ApiProblem.forbidden("you act for other hubs than this one");
    }

    private static String unquote(String s) {
        return s.replace("\"", "").replace("[", "").replace("]", "").trim();
    }
}
