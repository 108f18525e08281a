package org.tredegar.testing;

import org.tredegar.contracts.Topics;
import org.tredegar.launcher.node.PostgresNode;
import org.tredegar.launcher.process.JavaProcess;
import org.tredegar.launcher.process.Ports;
import org.tredegar.launcher.process.ReadyFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real PostgreSQL and Kafka of one test JVM, started on first use and reused by every test class after it.
 * Both run as separate JVMs on free ports; they stop with this JVM (shutdown hook, and a parent-pid watch in
 * the child for when this JVM is killed).
 */
public final class SharedInfra {
    private static PostgresServer postgres;
    private static String kafkaBootstrap;

    private SharedInfra() {
    }

    public record PostgresServer(String host, int port, String user, String password) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public String reactiveUrl(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }

        /** Creates the database if it does not exist yet, so each service (or test) gets its own. */
        public void createDatabase(String database) {
            if (!database.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("database names are lower-case words: " + database);
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
    }

    /**
     * JVM-wide system properties hold what was started: a test-profile switch restarts the app in a new class
     * loader (new statics), and it must find the same servers, with their data, instead of starting empty ones.
     */
    static final String POSTGRES_PROPERTY = "tredegar.shared-infra.postgres-port";
    static final String KAFKA_PROPERTY = "tredegar.shared-infra.kafka-bootstrap";

    public static synchronized PostgresServer postgres() {
        if (postgres == null && System.getProperty(POSTGRES_PROPERTY) != null) {
            postgres = new PostgresServer("127.0.0.1", Integer.parseInt(System.getProperty(POSTGRES_PROPERTY)),
                    PostgresNode.USER, PostgresNode.PASSWORD);
        }
        if (postgres == null) {
            int port = Ports.free();
            Path dir = workDir("postgres");
            Path ready = dir.resolve("ready");
            Path log = dir.resolve("postgres.log");
            List<String> args = new java.util.ArrayList<>(List.of(PostgresNode.class.getName(), "--data",
                    dir.resolve("data").toString(), "--port", String.valueOf(port), "--databases", "tredegar",
                    "--ready", ready.toString()));
            if (Boolean.getBoolean("tredegar.postgres.durable")) {
                args.add("--durable"); // benchmarks: fsync and synchronous commit on, as in production
            }
            Process process = startNode(args, log);
            ReadyFile.await(ready, process, log, Duration.ofMinutes(2), "test PostgreSQL");
            postgres = new PostgresServer("127.0.0.1", port, PostgresNode.USER, PostgresNode.PASSWORD);
            System.setProperty(POSTGRES_PROPERTY, String.valueOf(port));
        }
        return postgres;
    }

    public static synchronized String kafkaBootstrap() {
        if (kafkaBootstrap == null) {
            kafkaBootstrap = System.getProperty(KAFKA_PROPERTY);
        }
        if (kafkaBootstrap == null) {
            int port = Ports.free();
            int controller = Ports.free();
            Path dir = workDir("kafka");
            Path ready = dir.resolve("ready");
            Path log = dir.resolve("kafka.log");
            Process process = startNode(List.of("org.tredegar.launcher.node.KafkaNode", "--data",
                    dir.resolve("data").toString(), "--port", String.valueOf(port), "--controller-port",
                    String.valueOf(controller), "--topics", String.join(",", Topics.all()), "--partitions", "3",
                    "--ready", ready.toString()), log);
            ReadyFile.await(ready, process, log, Duration.ofMinutes(2), "test Kafka");
            kafkaBootstrap = "127.0.0.1:" + port;
            System.setProperty(KAFKA_PROPERTY, kafkaBootstrap);
        }
        return kafkaBootstrap;
    }

    private static Process startNode(List<String> mainAndArgs, Path log) {
        List<String> command = new java.util.ArrayList<>(List.of("-Xmx384m", "-cp", Launcher.classpath()));
        command.addAll(mainAndArgs);
        command.addAll(List.of("--parent-pid", String.valueOf(ProcessHandle.current().pid())));
        Process process = JavaProcess.start(command, Map.of(), log, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> JavaProcess.stopTree(process.toHandle(), 15_000)));
        return process;
    }

    private static Path workDir(String name) {
        try {
            Path base = Launcher.root().resolve(".tredegar/test-infra");
            Files.createDirectories(base);
            Path dir = Files.createTempDirectory(base, name + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // left for the next `mvn clean`/--fresh; never worth failing a test run over
        }
    }
}
