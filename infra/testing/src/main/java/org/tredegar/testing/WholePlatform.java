package org.tredegar.testing;

import org.tredegar.launcher.Component;
import org.tredegar.launcher.SandboxEnvironment;
import org.tredegar.launcher.ServiceEnvironment;
import org.tredegar.launcher.keycloak.KeycloakServer;
import org.tredegar.launcher.process.JavaProcess;
import org.tredegar.launcher.process.Logs;
import org.tredegar.launcher.process.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform, once per JVM: real PostgreSQL, Kafka and Keycloak, the sandbox, and every packaged service as
 * its own process on a free port, wired as `./tredegar up` wires them. For the end-to-end tests (infra/e2e) and the
 * benchmarks that measure a journey through all of it (infra/bench). Logs are kept for the personal-data checks, in
 * {@code tredegar.platform.logs} (relative to the repository; by default the e2e module's target).
 */
public final class WholePlatform {
    public static final List<String> SERVICES = Component.services();
    private static WholePlatform instance;

    public final Map<String, Integer> ports = new LinkedHashMap<>();
    public final Map<String, Path> logs = new HashMap<>();
    public final int keycloakPort;
    /** The sandbox's part name, and the provider secret it and the services share here (not a secret). */
    public static final String SANDBOX = "sandbox";
    static final String SMS_AUTH_TOKEN = "e2e-sms-auth-token";
    private int sandboxPort;
    public final Path logDir;

    public static synchronized WholePlatform get() {
        if (instance == null) {
            instance = new WholePlatform();
        }
        return instance;
    }

    private WholePlatform() {
        Path root = Launcher.root();
        try {
            logDir = Files.createDirectories(root.resolve(System.getProperty("tredegar.platform.logs",
                    "infra/e2e/target/platform-logs")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        String kafka = SharedInfra.kafkaBootstrap();
        pg.createDatabase("keycloak");
        SERVICES.forEach(pg::createDatabase);

        keycloakPort = Ports.free();
        KeycloakServer keycloak = KeycloakServer.start(new KeycloakServer.Options(distribution(root),
                root.resolve("infra/keycloak/tredegar-realm.json"), keycloakPort, pg.jdbcUrl("keycloak"), pg.user(),
                pg.password(), logDir.resolve("keycloak.log"), false));
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));

        Map<String, String> urls = new HashMap<>();
        for (String service : SERVICES) {
            int port = Ports.free();
            ports.put(service, port);
            urls.put(service, "http://localhost:" + port);
        }
        sandboxPort = Ports.free();
        int smtpPort = Ports.free();
        Process sandbox = startSandbox(root, smtpPort, urls.get("notifications"));
        keycloak.waitUntilReady(Duration.ofMinutes(5));
        String realm = "http://localhost:" + keycloakPort + "/realms/tredegar";
        Map<String, Process> processes = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, String> env = ServiceEnvironment.of(service, ports.get(service), pg.host() + ":" + pg.port(),
                    kafka, realm, urls);
            env.put("TREDEGAR_CONTACT_KEYS", "e2e1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
            env.put("TREDEGAR_CONTACT_ACTIVE_KEY", "e2e1");
            env.put("TREDEGAR_CONTACT_HASH_KEY", "ZTJlLW9ubHktbG9va3VwLWhhc2gta2V5LTAxMjM0NTY=");
            // Every call here comes from loopback; per-address limits are tested in the requests service itself.
            env.put("TREDEGAR_RATE_LIMIT_EXEMPT", "127.0.0.1,0:0:0:0:0:0:0:1,::1");
            // The help loop in minutes, not days: the follow-up comes seconds after help was given, and no message
            // waits for the morning (quiet hours off), whatever the hour CI runs at.
            if (service.equals("requests")) {
                env.put("TREDEGAR_FOLLOW_UP_AFTER", "PT3S");
                env.put("TREDEGAR_FOLLOW_UP_EVERY", "1s");
            }
            if (service.equals("notifications")) {
                env.put("TREDEGAR_QUIET_HOURS_START", "00:00");
                env.put("TREDEGAR_QUIET_HOURS_END", "00:00");
            }
            // Texts and mail go through the sandbox, and its calls are signed, as with a real provider.
            env.putAll(SandboxEnvironment.forService(service, sandboxUrl(), smtpPort, SMS_AUTH_TOKEN,
                    urls.get("notifications")));
            Path log = logDir.resolve(service + ".log");
            logs.put(service, log);
            Process process = JavaProcess.start(List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar",
                    root.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar").toString()), env, log, false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> JavaProcess.stopTree(process.toHandle(), 10_000)));
            processes.put(service, process);
        }
        processes.put(SANDBOX, sandbox);
        processes.forEach((service, process) -> awaitReady(service, process));
    }

    /** The local SMS provider and mail catcher (infra/sandbox), as `./tredegar up` runs it. */
    private Process startSandbox(Path root, int smtpPort, String notificationsUrl) {
        ports.put(SANDBOX, sandboxPort);
        // Its log is kept apart from the services' logs: it plays the provider, which sees numbers by its nature.
        Path log = logDir.resolve(SANDBOX + ".log");
        Process process = JavaProcess.start(List.of("-Xmx192m", "-XX:+UseSerialGC", "-jar",
                        root.resolve("infra/sandbox/target/quarkus-app/quarkus-run.jar").toString()),
                SandboxEnvironment.forSandbox(sandboxPort, smtpPort, SMS_AUTH_TOKEN, notificationsUrl), log, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> JavaProcess.stopTree(process.toHandle(), 10_000)));
        return process;
    }

    public String sandboxUrl() {
        return "http://localhost:" + sandboxPort;
    }

    public String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    public String token(String username) {
        return KeycloakServer.token(keycloakPort, "tredegar-cli", null, username, "demo");
    }

    public String clientToken(String clientId, String secret) {
        return KeycloakServer.token(keycloakPort, clientId, secret, null, null);
    }

    private void awaitReady(String service, Process process) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(4).toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " died while starting:\n" + Logs.tail(log(service), 40));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " was not ready in time:\n" + Logs.tail(log(service), 40));
    }

    private Path log(String part) {
        return logs.getOrDefault(part, logDir.resolve(part + ".log"));
    }

    private static Path distribution(Path root) {
        try (Stream<Path> dirs = Files.list(root.resolve("infra/keycloak/target"))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(p))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Keycloak is not unpacked (build infra/keycloak)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
