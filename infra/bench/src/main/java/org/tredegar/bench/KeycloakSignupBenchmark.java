package org.tredegar.bench;

import org.tredegar.launcher.keycloak.KeycloakServer;
import org.tredegar.launcher.process.Ports;
import org.tredegar.testing.Launcher;
import org.tredegar.testing.SharedInfra;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keycloak account creation, measured apart from our sign-up API: which of the two limits a real sign-up flood?
 * Accounts are created through Keycloak's admin REST API (what a sign-up flow with accounts ends up doing), with a
 * password each, on a throwaway Keycloak backed by the benchmark's durable PostgreSQL.
 */
final class KeycloakSignupBenchmark {
    static String run(Platform platform) throws Exception {
        String adminPassword = UUID.randomUUID().toString();
        System.setProperty("tredegar.keycloak.bootstrap-admin-password", adminPassword);
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        pg.createDatabase("keycloak");
        int port = Ports.free();
        Path root = Launcher.root();
        Path distribution;
        try (var dirs = Files.list(root.resolve("infra/keycloak/target"))) {
            distribution = dirs.filter(p -> p.getFileName().toString().startsWith("keycloak-")).findFirst().orElseThrow();
        }
        KeycloakServer keycloak = KeycloakServer.start(new KeycloakServer.Options(distribution,
                root.resolve("infra/keycloak/tredegar-realm.json"), port, pg.jdbcUrl("keycloak"), pg.user(), pg.password(),
                platform.logs.resolve("keycloak.log"), false));
        keycloak.waitUntilReady(Duration.ofMinutes(5));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + port;
        AtomicReference<String> token = new AtomicReference<>(adminToken(http, base, adminPassword));
        int callers = Integer.getInteger("bench.keycloak.callers", 16);
        Duration warmUp = Platform.seconds("bench.warmup", 15);
        Duration measure = Platform.seconds("bench.keycloak.measure", 40);
        LoadDriver.Result result = LoadDriver.run(callers, warmUp, measure, (caller, seq) -> {
            String body = "{\"username\":\"signup-" + UUID.randomUUID() + "\",\"enabled\":true,"
                    + "\"attributes\":{\"hubs\":[\"tredegar\"]},"
                    + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + UUID.randomUUID() + "\",\"temporary\":false}]}";
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/tredegar/users"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token.get())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 401) {
                token.set(adminToken(http, base, adminPassword)); // admin tokens live a minute
            }
            return response.statusCode() == 201;
        });
        keycloak.close();
        return String.format(Locale.ROOT, """
                ### Keycloak account creation (issue 5, for comparison)

                Keycloak %s admin REST API (`POST /admin/realms/tredegar/users` with a password, i.e. one hash per
                account), %d concurrent callers, %d s measured, Keycloak on the same durable PostgreSQL.

                | figure | value |
                |---|---|
                | accounts/s | %.0f |
                | latency p50 / p99 | %.1f ms / %.1f ms |
                | calls measured (failures) | %d (%d) |
                | 750,000 accounts at this rate | %.0f min |

                Compare with the sign-ups/s of our API above: the lower of the two limits a flood of sign-ups that each
                need an account; sign-up by phone or email alone (no account) is limited by our API only.
                """, "26.7.3", callers, measure.toSeconds(), result.perSecond(), result.p50Millis(), result.p99Millis(),
                result.calls(), result.failures(), 750_000 / Math.max(result.perSecond(), 0.01) / 60);
    }

    static String adminToken(HttpClient http, String base, String password) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=bootstrap-admin&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }
}
