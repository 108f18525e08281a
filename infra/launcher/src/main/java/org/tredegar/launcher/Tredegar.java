package org.tredegar.launcher;

import org.tredegar.launcher.process.JavaProcess;
import org.tredegar.launcher.process.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local platform: `up`, `down`, `status`, `replay-dlq`. Everything it starts is a real server (PostgreSQL,
 * Kafka, Keycloak, the services) with its PID in .tredegar/run and its log in .tredegar/logs.
 */
public final class Tredegar {

    private final Path state;
    private final RunFiles run;
    private final PartStarter starter;

    Tredegar(Path root) {
        this.state = root.resolve(".tredegar");
        this.run = new RunFiles(state);
        this.starter = new PartStarter(root, state, run);
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
        List<Component> parts = Component.all().stream().filter(starter::built).toList();
        for (Component part : parts) {
            if (run.running(part).isEmpty() && Ports.inUse(part.port())) {
                throw new IllegalStateException("port " + part.port() + " (" + part.name() + ") is taken by another "
                        + "program: stop it, or move " + part.name() + " with " + part.portVariable() + "=<port>.");
            }
        }
        int step = 0;
        Map<Component, Process> services = new java.util.LinkedHashMap<>();
        for (Component part : parts) {
            if (part.isApp() && run.running(part).isEmpty()) {
                // Apps need only the infrastructure, not each other: start them together, then wait for each.
                services.put(part, starter.startApp(part));
                continue;
            }
            step++;
            System.out.printf("[%d/%d] %-14s ", step, parts.size(), part.name());
            System.out.flush();
            if (run.running(part).isPresent()) {
                System.out.println("already running (pid " + run.running(part).get().pid() + ")");
                continue;
            }
            long t0 = System.nanoTime();
            starter.start(part);
            System.out.printf("ready on :%d (%.1f s)%n", part.port(), (System.nanoTime() - t0) / 1e9);
        }
        long servicesStarted = System.nanoTime();
        for (Map.Entry<Component, Process> service : services.entrySet()) {
            step++;
            Component part = service.getKey();
            System.out.printf("[%d/%d] %-14s ", step, parts.size(), part.name());
            System.out.flush();
            starter.awaitHealthy(part, service.getValue());
            System.out.printf("ready on :%d (%.1f s)%n", part.port(), (System.nanoTime() - servicesStarted) / 1e9);
        }
        System.out.printf("%nTredegar is up in %.0f s.%n%n", (System.nanoTime() - started) / 1e9);
        Welcome.print(parts);
    }

    void down() {
        List<Component> parts = new ArrayList<>(Component.all());
        java.util.Collections.reverse(parts);
        for (Component part : parts) {
            Optional<ProcessHandle> process = run.running(part);
            if (process.isPresent()) {
                System.out.printf("stopping %-14s (pid %d)%n", part.name(), process.get().pid());
                JavaProcess.stopTree(process.get(), 20_000);
            }
            run.forget(part);
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
            Optional<ProcessHandle> process = run.running(part);
            String stateText;
            if (process.isEmpty()) {
                boolean optional = !starter.built(part);
                stateText = optional ? "not built" : "stopped";
                allUp &= optional;
            } else if (part.isApp()) {
                boolean ok = starter.healthy(part);
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


}
