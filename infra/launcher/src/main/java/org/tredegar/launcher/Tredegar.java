package org.tredegar.launcher;

import org.tredegar.contracts.Topics;
import org.tredegar.launcher.keycloak.KeycloakServer;
import org.tredegar.launcher.node.PostgresNode;
import org.tredegar.launcher.process.JavaProcess;
import org.tredegar.launcher.process.Ports;
import org.tredegar.launcher.process.ReadyFile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local platform: `up`, `down`, `status`, `replay-dlq`. Everything it starts is a real server (PostgreSQL,
 * Kafka, Keycloak, the services) with its PID in .tredegar/run and its log in .tredegar/logs.
 */
public final class Tredegar {

    private final Path root;
    private final Path state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Tredegar(Path root) {
        this.root = root;
        this.state = root.resolve(".tredegar");
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("tredegar.root", ".")).toAbsolutePath().normalize();
        Tredegar tredegar = new Tredegar(root);
        String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "up" -> tredegar.up(List.of(args).contains("--fresh"));
                case "down" -> tredegar.down();
                case "status" -> System.exit(tredegar.status() ? 0 : 1);
                case "replay-dlq" -> tredegar.replay(args);
                default -> {
                    System.out.println("usage: ./tredegar up [--fresh] | down | status | logs <part> | test | replay-dlq <dlq-topic>");
                    System.exit(command.equals("help") ? 0 : 2);
                }
            }
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            System.err.println("tredegar: " + e.getMessage());
            System.exit(1);
        }
    }

    void up(boolean fresh) throws IOException {
        long started = System.nanoTime();
        if (fresh) {
            down();
            deleteTree(state.resolve("data"));
            java.nio.file.Files.deleteIfExists(state.resolve("secrets.properties"));
            System.out.println("Wiped .tredegar/data (--fresh).");
        }
        List<Component> parts = Component.all().stream()
                .filter(c -> c.kind() != Component.Kind.SERVICE || Files.exists(serviceJar(c.name())))
                .toList();
        for (Component part : parts) {
            if (running(part).isEmpty() && Ports.inUse(part.port())) {
                throw new IllegalStateException("port " + part.port() + " (" + part.name() + ") is taken by another "
                        + "program: stop it, or move " + part.name() + " with " + part.portVariable() + "=<port>.");
            }
        }
        int step = 0;
        Map<Component, Process> services = new java.util.LinkedHashMap<>();
        for (Component part : parts) {
            if (part.kind() == Component.Kind.SERVICE && running(part).isEmpty()) {
                // Services need only the infrastructure, not each other: start them together, then wait for each.
                services.put(part, startService(part));
                continue;
            }
            step++;
            System.out.printf("[%d/%d] %-14s ", step, parts.size(), part.name());
            System.out.flush();
            if (running(part).isPresent()) {
                System.out.println("already running (pid " + running(part).get().pid() + ")");
                continue;
            }
            long t0 = System.nanoTime();
            start(part);
            System.out.printf("ready on :%d (%.1f s)%n", part.port(), (System.nanoTime() - t0) / 1e9);
        }
        long servicesStarted = System.nanoTime();
        for (Map.Entry<Component, Process> service : services.entrySet()) {
            step++;
            Component part = service.getKey();
            System.out.printf("[%d/%d] %-14s ", step, parts.size(), part.name());
            System.out.flush();
            awaitHealthy(part, service.getValue(), state.resolve("logs").resolve(part.name() + ".log"));
            writePid(part, service.getValue().pid());
            System.out.printf("ready on :%d (%.1f s)%n", part.port(), (System.nanoTime() - servicesStarted) / 1e9);
        }
        System.out.printf("%nTredegar is up in %.0f s.%n%n", (System.nanoTime() - started) / 1e9);
        printWelcome(parts);
    }

    private void start(Component part) {
        Path log = state.resolve("logs").resolve(part.name() + ".log");
        Path ready = state.resolve("run").resolve(part.name() + ".ready");
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
                writePid(part, keycloak.pid());
                return;
            }
            default -> {
                process = startService(part);
                awaitHealthy(part, process, log);
            }
        }
        writePid(part, process.pid());
    }

    private Process startService(Component part) {
        return JavaProcess.start(List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar", serviceJar(part.name()).toString()),
                serviceEnvironment(part), state.resolve("logs").resolve(part.name() + ".log"), true);
    }

    private Map<String, String> serviceEnvironment(Component service) {
        Map<String, String> urls = new HashMap<>();
        for (Component other : Component.all()) {
            if (other.kind() == Component.Kind.SERVICE) {
                urls.put(other.name(), "http://localhost:" + other.port());
            }
        }
        Map<String, String> env = ServiceEnvironment.of(service.name(), service.port(),
                "127.0.0.1:" + Component.named("postgres").port(), "127.0.0.1:" + Component.named("kafka").port(),
                "http://localhost:" + Component.named("keycloak").port() + "/realms/tredegar", urls);
        env.putAll(LocalSecrets.load(state));
        return env;
    }

    private void awaitHealthy(Component service, Process process, Path log) {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(3).toMillis();
        while (!healthy(service)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " stopped while starting. Last lines of " + log + ":\n"
                        + org.tredegar.launcher.process.Logs.tail(log, 30));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(service.name() + " was not ready within 3 minutes; see " + log);
            }
            sleep(250);
        }
    }

    boolean healthy(Component service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + service.port() + "/q/health/ready")).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void down() {
        List<Component> parts = new ArrayList<>(Component.all());
        java.util.Collections.reverse(parts);
        for (Component part : parts) {
            Optional<ProcessHandle> process = running(part);
            if (process.isPresent()) {
                System.out.printf("stopping %-14s (pid %d)%n", part.name(), process.get().pid());
                JavaProcess.stopTree(process.get(), 20_000);
            }
            deleteQuietly(pidFile(part));
            deleteQuietly(state.resolve("run").resolve(part.name() + ".ready"));
        }
        stopOrphanPostgres();
        System.out.println("Tredegar is down.");
    }

    /** pg_ctl starts the server as a daemon, so it is not a child of the node JVM; look it up by its pid file. */
    private void stopOrphanPostgres() {
        Path pidFile = state.resolve("data/postgres/postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                ProcessHandle.of(pid).ifPresent(p -> JavaProcess.stopTree(p, 20_000));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not check for a leftover PostgreSQL: " + e.getMessage());
        }
    }

    boolean status() {
        boolean allUp = true;
        System.out.printf("%-14s %-8s %-6s %s%n", "part", "pid", "port", "state");
        for (Component part : Component.all()) {
            Optional<ProcessHandle> process = running(part);
            String stateText;
            if (process.isEmpty()) {
                boolean optional = part.kind() == Component.Kind.SERVICE && !Files.exists(serviceJar(part.name()));
                stateText = optional ? "not built" : "stopped";
                allUp &= optional;
            } else if (part.kind() == Component.Kind.SERVICE) {
                boolean ok = healthy(part);
                stateText = ok ? "ready" : "running, not ready";
                allUp &= ok;
            } else {
                boolean ok = Ports.inUse(part.port());
                stateText = ok ? "listening" : "running, not listening";
                allUp &= ok;
            }
            System.out.printf("%-14s %-8s %-6d %s%n", part.name(), process.map(p -> String.valueOf(p.pid())).orElse("-"),
                    part.port(), stateText);
        }
        return allUp;
    }

    void replay(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ./tredegar replay-dlq <topic>.<consumer-group>.dlq [--dry-run]");
        }
        boolean dryRun = List.of(args).contains("--dry-run");
        int moved = DeadLetterReplay.replay("127.0.0.1:" + Component.named("kafka").port(), args[1], null, dryRun);
        System.out.println((dryRun ? "would replay " : "replayed ") + moved + " record(s) from " + args[1]);
    }

    private void printWelcome(List<Component> parts) {
        int kc = Component.named("keycloak").port();
        int requests = Component.named("requests").port();
        System.out.println("  part           URL");
        for (Component part : parts) {
            String url = switch (part.kind()) {
                case POSTGRES -> "postgresql://127.0.0.1:" + part.port() + "/<service>  (user tredegar / tredegar)";
                case KAFKA -> "127.0.0.1:" + part.port();
                case KEYCLOAK -> "http://localhost:" + part.port() + "/admin  (realm tredegar)";
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
                  ./tredegar status | ./tredegar logs requests | ./tredegar down
                """.formatted(kc, requests));
    }

    private Optional<ProcessHandle> running(Component part) {
        Path pid = pidFile(part);
        try {
            if (!Files.exists(pid)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void writePid(Component part, long pid) {
        ReadyFile.write(pidFile(part), String.valueOf(pid));
    }

    private Path pidFile(Component part) {
        return state.resolve("run").resolve(part.name() + ".pid");
    }

    private Path serviceJar(String service) {
        return root.resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
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

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is harmless: `running` checks the process itself
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
