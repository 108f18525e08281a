package org.tredegar.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Keycloak's admin events and users with a client-credentials token of a service account that holds
 * realm-management's view-events and view-users. Blocking on purpose: it runs on a scheduler worker thread a few
 * times a minute, and the JDK client keeps it free of another HTTP stack in every service (docs/adr/0005).
 */
public class KeycloakAdminEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RESOURCE_TYPES =
            List.of("REALM_ROLE_MAPPING", "CLIENT_ROLE_MAPPING", "GROUP_MEMBERSHIP", "USER");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String realmUrl;
    private final String adminUrl;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    /** {@code realmUrl} as in {@code quarkus.oidc.auth-server-url}: {@code http://host:port/realms/tredegar}. */
    public KeycloakAdminEvents(String realmUrl, String clientId, String clientSecret) {
        this.realmUrl = realmUrl.replaceAll("/+$", "");
        int realms = this.realmUrl.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("not a Keycloak realm URL: " + realmUrl);
        }
        this.adminUrl = this.realmUrl.substring(0, realms) + "/admin" + this.realmUrl.substring(realms);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Admin events about users from {@code fromMillis} (inclusive), oldest first. */
    public List<JsonNode> since(long fromMillis, int max) throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("?direction=asc&first=0&max=").append(max).append("&dateFrom=").append(fromMillis);
        RESOURCE_TYPES.forEach(t -> query.append("&resourceTypes=").append(t));
        JsonNode events = get(adminUrl + "/admin-events" + query);
        List<JsonNode> list = new ArrayList<>();
        events.forEach(list::add);
        return list;
    }

    /** The user's {@code hubs} attribute (hub slugs); empty for platform-wide roles or a deleted user. */
    public List<String> hubsOf(String userId) throws IOException, InterruptedException {
        JsonNode user;
        try {
            user = get(adminUrl + "/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8));
        } catch (NotFound e) {
            return List.of();
        }
        List<String> hubs = new ArrayList<>();
        user.path("attributes").path("hubs").forEach(h -> hubs.add(h.asText()));
        return hubs;
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            throw new NotFound();
        }
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak answered " + response.statusCode() + " for " + url.replaceAll("\\?.*", ""));
        }
        return JSON.readTree(response.body());
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak refused the client-credentials token for " + clientId + ": " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        token = body.path("access_token").asText();
        // Renew a little early, so a token never expires between this check and Keycloak reading it.
        tokenExpires = Instant.now().plusSeconds(Math.max(10, body.path("expires_in").asLong(60) - 30));
        return token;
    }

    private static final class NotFound extends IOException {
        NotFound() {
            super("not found");
        }
    }
}
