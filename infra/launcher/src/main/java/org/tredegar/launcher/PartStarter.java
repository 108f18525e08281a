package org.tredegar.launcher;

import org.tredegar.contracts.Topics;
import org.tredegar.launcher.keycloak.KeycloakServer;
import org.tredegar.launcher.node.PostgresNode;
import org.tredegar.launcher.process.JavaProcess;
import org.tredegar.launcher.process.ReadyFile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Starts one part of the local platform as its own process and waits until it answers. */
final class PartStarter {
    private final Path root;
    private final Path state;
    private final RunFiles run;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PartStarter(Path root, Path state, RunFiles run) {
        this.root = root;
        this.state = state;
        this.run = run;
    }

    /** Starts a part and waits until it is ready; services are better started together ({@link #startApp}). */
    void start(Component part) {
        Path log = run.log(part);
        Path ready = run.ready(part);
        try {
            Files.deleteIfExists(ready);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + ready + ": " + e.getMessage());
        }
        String cp = JavaProcess.launcherClasspath();
        Process process;
        switch (part.kind()) {
            case POSTGRES -> {
                process = JavaProcess.start(List.of("-Xmx128m", "-cp", cp, PostgresNode.class.getName(),
                        "--data", state.resolve("data/postgres").toString(), "--port", String.valueOf(part.port()),
                        "--databases", String.join(",", Component.databases()), "--ready", ready.toString(), "--durable"), Map.of(), log, true);
                ReadyFile.await(ready, process, log, Duration.ofMinutes(2), "PostgreSQL");
            }
            case KAFKA -> {
                process = JavaProcess.start(List.of("-Xmx512m", "-cp", cp,
                        "org.tredegar.launcher.node.KafkaNode", "--data", state.resolve("data/kafka").toString(),
                        "--port", String.valueOf(part.port()),
                        "--controller-port", String.valueOf(Component.port("KAFKA_CONTROLLER", 9093)),
                        "--topics", String.join(",", Topics.all()), "--ready", ready.toString()), Map.of(), log, true);
                ReadyFile.await(ready, process, log, Duration.ofMinutes(2), "Kafka");
            }
            case KEYCLOAK -> {
                KeycloakServer keycloak = KeycloakServer.start(new KeycloakServer.Options(keycloakDistribution(),
                        root.resolve("infra/keycloak/tredegar-realm.json"), part.port(), jdbcUrl("keycloak"),
                        PostgresNode.USER, PostgresNode.PASSWORD, log, true));
                keycloak.waitUntilReady(Duration.ofMinutes(5));
                run.writePid(part, keycloak.pid());
                return;
            }
            default -> {
                process = startApp(part);
                awaitHealthy(part, process);
            }
        }
        run.writePid(part, process.pid());
    }

    /** Starts a Quarkus app (a service, the sandbox) without waiting: they need the infrastructure, not each other. */
    Process startApp(Component part) {
        return JavaProcess.start(List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar", appJar(part).toString()),
                environment(part), run.log(part), true);
    }

    /** Whether the part can be started: apps only once built (a checkout may build a subset). */
    boolean built(Component part) {
        return !part.isApp() || Files.exists(appJar(part));
    }

    void awaitHealthy(Component app, Process process) {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(3).toMillis();
        while (!healthy(app)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(app.name() + " stopped while starting. Last lines of " + run.log(app)
                        + ":\n" + org.tredegar.launcher.process.Logs.tail(run.log(app), 30));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(app.name() + " was not ready within 3 minutes; see " + run.log(app));
            }
            sleep(250);
        }
        run.writePid(app, process.pid());
    }

    boolean healthy(Component app) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.port() + "/q/health/ready")).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Map<String, String> environment(Component app) {
        Map<String, String> secrets = LocalSecrets.load(state);
        String notificationsUrl = "http://localhost:" + Component.named("notifications").port();
        if (app.kind() == Component.Kind.SANDBOX) {
            return SandboxEnvironment.forSandbox(app.port(), SandboxEnvironment.smtpPort(),
                    secrets.get(LocalSecrets.SMS_AUTH_TOKEN), notificationsUrl);
        }
        Map<String, String> urls = new HashMap<>();
        for (Component other : Component.all()) {
            if (other.kind() == Component.Kind.SERVICE) {
                urls.put(other.name(), "http://localhost:" + other.port());
            }
        }
        Map<String, String> env = ServiceEnvironment.of(app.name(), app.port(),
                "127.0.0.1:" + Component.named("postgres").port(), "127.0.0.1:" + Component.named("kafka").port(),
                "http://localhost:" + Component.named("keycloak").port() + "/realms/tredegar", urls);
        env.putAll(SandboxEnvironment.forService(app.name(), "http://localhost:" + Component.named("sandbox").port(),
                SandboxEnvironment.smtpPort(), secrets.get(LocalSecrets.SMS_AUTH_TOKEN), notificationsUrl));
        env.putAll(secrets);
        return env;
    }

    private Path appJar(Component app) {
        String module = app.kind() == Component.Kind.SANDBOX ? "infra/sandbox" : "services/" + app.name();
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Path keycloakDistribution() {
        try (Stream<Path> dists = Files.list(root.resolve("infra/keycloak/target"))) {
            return dists.filter(p -> p.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(p))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("Keycloak is not unpacked yet: run ./tredegar up again "
                            + "(it builds what is missing)."));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not unpacked yet (infra/keycloak/target missing).");
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + Component.named("postgres").port() + "/" + database;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
