package org.tredegar.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change to who may do what, read from one Keycloak admin event: realm or client roles granted or revoked, a
 * group joined or left, or a user's {@code hubs} attribute rewritten. Anything else in Keycloak's admin log is not
 * a role change and maps to nothing.
 */
public record RoleChange(String eventId, long time, String actor, String userId, String action, String detail) {

    private static final Pattern USER_PATH = Pattern.compile("^users/([0-9a-fA-F-]{36})(/.*)?$");

    public static Optional<RoleChange> from(JsonNode event) {
        String resourceType = event.path("resourceType").asText("");
        String operation = event.path("operationType").asText("");
        Matcher path = USER_PATH.matcher(event.path("resourcePath").asText(""));
        if (!path.matches()) {
            return Optional.empty();
        }
        String userId = path.group(1);
        String grantedOrRevoked = switch (operation) {
            case "CREATE" -> "granted";
            case "DELETE" -> "revoked";
            default -> null;
        };
        String action;
        String detail;
        switch (resourceType) {
            case "REALM_ROLE_MAPPING", "CLIENT_ROLE_MAPPING" -> {
                if (grantedOrRevoked == null) {
                    return Optional.empty();
                }
                action = "role." + grantedOrRevoked;
                detail = "roles=" + String.join(",", names(event.path("representation").asText("")));
            }
            case "GROUP_MEMBERSHIP" -> {
                if (grantedOrRevoked == null) {
                    return Optional.empty();
                }
                action = "CREATE".equals(operation) ? "group.joined" : "group.left";
                JsonNode group = parse(event.path("representation").asText(""));
                detail = "group=" + group.path("path").asText(group.path("name").asText(""));
            }
            case "USER" -> {
                if (!"UPDATE".equals(operation) || path.group(2) != null) {
                    return Optional.empty();
                }
                JsonNode hubs = parse(event.path("representation").asText("")).path("attributes").path("hubs");
                if (hubs.isMissingNode()) {
                    return Optional.empty(); // a profile edit that does not touch hub membership
                }
                List<String> slugs = new ArrayList<>();
                hubs.forEach(h -> slugs.add(h.asText()));
                action = "hubs.set";
                detail = "hubs=" + String.join(",", slugs);
            }
            default -> {
                return Optional.empty();
            }
        }
        JsonNode auth = event.path("authDetails");
        String actor = auth.path("userId").asText("");
        String eventId = event.path("id").asText("");
        long time = event.path("time").asLong();
        if (eventId.isEmpty()) {
            eventId = time + ":" + operation + ":" + event.path("resourcePath").asText("");
        }
        return Optional.of(new RoleChange(eventId, time, actor.isEmpty() ? "keycloak" : actor, userId, action, detail));
    }

    private static List<String> names(String representation) {
        List<String> names = new ArrayList<>();
        parse(representation).forEach(role -> names.add(role.path("name").asText()));
        return names;
    }

    private static JsonNode parse(String json) {
        try {
            return json.isBlank() ? MissingNode.getInstance()
                    : KeycloakAdminEvents.JSON.readTree(json);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
