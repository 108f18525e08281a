package org.tredegar.launcher.keycloak;

import org.tredegar.launcher.process.JavaProcess;
import org.tredegar.launcher.process.Logs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real Keycloak distribution (unpacked by infra/keycloak from Maven Central), run with {@code kc.sh start-dev}
 * against the platform's PostgreSQL, with the {@code tredegar} realm imported. No Docker, and the same server for
 * {@code ./tredegar up} and for tests that need real tokens.
 *
 * <p>{@code --import-realm} imports {@code data/import/*.json} only when the realm does not exist yet: on a
 * second start against the same database Keycloak logs that the realm exists and skips it, so the realm file does
 * not overwrite changes made since. To re-import, wipe the database ({@code ./tredegar up --fresh}).
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "tredegar";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // JWTs are base64url and dots only, so a regex is enough to take one out of the token response.
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * @param distribution the unpacked keycloak-x.y.z directory (contains bin/kc.sh)
     * @param realmFile    infra/keycloak/tredegar-realm.json
     * @param logFile      Keycloak's console output is appended here
     * @param detached     started in a session of its own (setsid) so that it outlives the caller
     */
    public record Options(Path distribution, Path realmFile, int httpPort, String jdbcUrl, String dbUser,
                          String dbPassword, Path logFile, boolean detached) {
    }

    private final Options options;
    private final Process process;

    private KeycloakServer(Options options, Process process) {
        this.options = options;
        this.process = process;
    }

    public static KeycloakServer start(Options o) {
        Path kcSh = o.distribution().resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + o.distribution()
                    + "; build infra/keycloak first (it unpacks Keycloak from Maven Central).");
        }
        Path javaHome = JavaHomes.findJdk(21).orElseThrow(() -> new IllegalStateException(
                "Keycloak 26 needs a JDK 21 or newer: set JAVA_HOME to one, or install one under /usr/lib/jvm."));
        copyRealm(o);

        List<String> command = new ArrayList<>();
        if (o.detached() && new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        // Through sh, so a distribution unpacked without the executable bit still starts.
        command.addAll(List.of("/bin/sh", kcSh.toString(), "start-dev",
                "--http-port=" + o.httpPort(),
                // Pins the issuer to http://localhost:<port>/realms/tredegar however Keycloak is reached
                // (127.0.0.1, localhost): services compare the iss claim with the issuer they were configured with.
                "--hostname=http://localhost:" + o.httpPort(),
                "--import-realm",
                "--db=postgres",
                "--db-url=" + o.jdbcUrl(),
                "--db-username=" + o.dbUser(),
                "--health-enabled=true",
                // Health on the main port (/health/ready) instead of a management port (default 9000) that every
                // Keycloak on the machine would want, e.g. one for `up` and one for a test run.
                "--http-management-health-enabled=false"));

        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        // In the environment, not on the command line, so the password does not show in `ps`.
        env.put("KC_DB_PASSWORD", o.dbPassword() == null ? "" : o.dbPassword());
        // Only the benchmark sets this, on a throwaway Keycloak: a master-realm admin to create accounts with.
        String bootstrapAdmin = System.getProperty("tredegar.keycloak.bootstrap-admin-password");
        if (bootstrapAdmin != null) {
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "bootstrap-admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", bootstrapAdmin);
        }
        Process process = JavaProcess.run(command, env, o.logFile());

        KeycloakServer server = new KeycloakServer(o, process);
        if (!o.detached()) {
            // An attached Keycloak belongs to this JVM (a test run): stop it with us, even on Ctrl-C.
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-stop"));
        }
        return server;
    }

    /** Keycloak reads every JSON file in data/import; ours gets a fixed name so a stale copy is overwritten. */
    private static void copyRealm(Options o) {
        try {
            Path importDir = o.distribution().resolve("data").resolve("import");
            Files.createDirectories(importDir);
            Files.copy(o.realmFile(), importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the realm file " + o.realmFile(), e);
        }
    }

    /**
     * Waits until the realm answers its OpenID discovery document: that is after the import, unlike /health/ready,
     * and it is what services fetch first. Fails at once, with the log's last lines, if Keycloak stopped.
     */
    public void waitUntilReady(Duration timeout) {
        URI discovery = URI.create(issuer(options.httpPort()) + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting (exit " + process.exitValue()
                        + "). Last lines of " + options.logFile() + ":\n" + Logs.tail(options.logFile(), 40));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak did not serve " + discovery + " within "
                        + timeout.toSeconds() + " s. Last lines of " + options.logFile() + ":\n"
                        + Logs.tail(options.logFile(), 40));
            }
            sleep(500);
        }
    }

    /** The started process: kc.sh, which runs Keycloak's JVM as a child (or becomes it after a rebuild). */
    public long pid() {
        return process.pid();
    }

    /** Stops kc.sh and the JVM under it: SIGTERM first (Keycloak shuts down cleanly), SIGKILL after 15 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            JavaProcess.stopTree(process.toHandle(), STOP_GRACE.toMillis());
        }
    }

    /** The issuer (iss claim) of the tredegar realm; fixed by --hostname, see {@link #start}. */
    public static String issuer(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /**
     * An access token from the tredegar realm: password grant when {@code username} is given (e.g. tredegar-cli
     * and a demo user), else client credentials (e.g. partner-demo and its secret).
     */
    public static String token(int port, String clientId, String clientSecretOrNull, String username,
                               String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", username == null ? "client_credentials" : "password");
        form.put("client_id", clientId);
        if (clientSecretOrNull != null) {
            form.put("client_secret", clientSecretOrNull);
        }
        if (username != null) {
            form.put("username", username);
            form.put("password", password);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer(port) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("Keycloak refused a token for client " + clientId
                        + (username == null ? "" : " and user " + username) + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach Keycloak on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Keycloak for a token", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
