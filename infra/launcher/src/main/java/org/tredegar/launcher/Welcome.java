package org.tredegar.launcher;

import java.util.List;

/** What `up` prints once everything is ready: where each part is, the demo logins, and a first walk to try. */
final class Welcome {
    private Welcome() {
    }

    static void print(List<Component> parts) {
        int kc = Component.named("keycloak").port();
        int requests = Component.named("requests").port();
        int sandbox = Component.named("sandbox").port();
        System.out.println("  part           URL");
        for (Component part : parts) {
            String url = switch (part.kind()) {
                case POSTGRES -> "postgresql://127.0.0.1:" + part.port() + "/<service>  (user tredegar / tredegar)";
                case KAFKA -> "127.0.0.1:" + part.port();
                case KEYCLOAK -> "http://localhost:" + part.port() + "/admin  (realm tredegar)";
                case SANDBOX -> "http://localhost:" + part.port() + "/  (every text and email sent; text the hubs as any phone)";
                case SERVICE -> "http://localhost:" + part.port() + (part.name().equals("dashboard")
                        ? "/  (public page; live operator view at /operator)" : "/q/openapi");
            };
            System.out.printf("  %-14s %s%n", part.name(), url);
        }
        System.out.println("""

                  Demo logins (password 'demo', local only): coordinator.tredegar, coordinator.ebbw-vale,
                  volunteer.tredegar, operator, admin. Partner client: partner-demo / partner-demo-secret.

                Try next:
                  curl -s localhost:%2$d/api/v1/hubs
                  curl -s -X POST localhost:%2$d/api/v1/requests -H 'Content-Type: application/json' \\
                       -d '{"category":"groceries","urgency":"urgent","description":"Shopping for the week","location":{"lat":51.7727,"lon":-3.2467},"language":"en"}'
                  TOKEN=$(curl -s -d grant_type=password -d client_id=tredegar-cli -d username=coordinator.tredegar \\
                       -d password=demo localhost:%1$d/realms/tredegar/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -s -H "Authorization: Bearer $TOKEN" localhost:%2$d/api/v1/hubs/tredegar/requests
                  curl -s -X POST localhost:%3$d/api/messages -H 'Content-Type: application/json' \\
                       -d '{"from":"+447700900123","to":"+447700900100","body":"YES"}'
                  curl -s localhost:%3$d/api/messages
                  ./tredegar status | ./tredegar logs requests | ./tredegar down
                """.formatted(kc, requests, sandbox));
    }
}
