package org.tredegar.bench;

import org.tredegar.launcher.ServiceEnvironment;
import org.tredegar.launcher.process.JavaProcess;
import org.tredegar.launcher.process.Logs;
import org.tredegar.launcher.process.Ports;
import org.tredegar.testing.Launcher;
import org.tredegar.testing.SharedInfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The parts a benchmark needs: durable PostgreSQL, Kafka, and packaged services on free ports. */
final class Platform {
    final Map<String, Integer> ports = new HashMap<>();
    final Path logs;

    Platform() throws IOException {
        System.setProperty("tredegar.postgres.durable", "true");
        logs = Files.createDirectories(Launcher.root().resolve("infra/bench/target/logs"));
        SharedInfra.postgres();
        SharedInfra.kafkaBootstrap();
    }

    String start(String service, Map<String, String> extraEnv) {
        return start(service, extraEnv, List.of());
    }

    /** The benchmark-only keys every service started here seals contacts with (never used outside benchmarks). */
    static final String CONTACT_KEYS = "bench1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String CONTACT_HASH_KEY = "YmVuY2gtb25seS1sb29rdXAtaGFzaC1rZXktMDEyMzQ=";

    /** Opens what the services sealed: for a benchmark that plays the person who received a code. */
    static org.tredegar.platform.privacy.ContactCipher contactCipher() {
        return new org.tredegar.platform.privacy.ContactCipher(CONTACT_KEYS, "bench1", CONTACT_HASH_KEY);
    }

    String start(String service, Map<String, String> extraEnv, List<String> jvmOptions) {
        SharedInfra.PostgresServer pg = SharedInfra.postgres();
        pg.createDatabase(service);
        int port = Ports.free();
        ports.put(service, port);
        Map<String, String> env = ServiceEnvironment.of(service, port, pg.host() + ":" + pg.port(),
                SharedInfra.kafkaBootstrap(), "http://localhost:1/realms/tredegar", Map.of());
        env.put("TREDEGAR_CONTACT_KEYS", CONTACT_KEYS);
        env.put("TREDEGAR_CONTACT_ACTIVE_KEY", "bench1");
        env.put("TREDEGAR_CONTACT_HASH_KEY", CONTACT_HASH_KEY);
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        env.remove(ServiceEnvironment.OUTBOX_CHECK_EVERY_EVENT); // production's sampled schema check (ADR 0006)
        env.putAll(extraEnv);
        // `./tredegar bench intake bench.env.TREDEGAR_INTAKE_BATCH_MAX_IN_FLIGHT=1`: a setting tried without a rebuild.
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.env."))
                .forEach(k -> env.put(k.substring("bench.env.".length()), System.getProperty(k)));
        Path log = logs.resolve(service + ".log");
        // The parallel collector: on two cores G1's concurrent work competes with the requests themselves; measured
        // 2,788 against 2,413 intake/s the same day (docs/benchmarks.md). The k8s manifests use it too.
        List<String> command = new java.util.ArrayList<>(List.of("-Xmx512m", "-XX:+UseParallelGC"));
        if (Boolean.getBoolean("bench.jfr")) {
            // -Dbench.jfr=true: a Flight Recorder profile of each service, to see where its time goes.
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + logs.resolve(service + ".jfr"));
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", Launcher.root().resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar").toString()));
        Process process = JavaProcess.start(command, env, log, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> JavaProcess.stopTree(process.toHandle(), 10_000)));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " died:\n" + Logs.tail(log, 40));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return "http://localhost:" + port;
                }
            } catch (IOException ignored) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException(service + " not ready:\n" + Logs.tail(log, 40));
    }

    static Duration seconds(String property, int fallback) {
        return Duration.ofSeconds(Integer.getInteger(property, fallback));
    }

    /**
     * The warm-up before a sustained-throughput figure ({@code bench.warmup}, default 60 s). On the 2-core machine, JFR
     * showed a service still compiling hot code (about a third of a core) 15 s into the load, and little after 60 s;
     * the calls/s per 10 s that the load driver prints climb until then.
     */
    static Duration sustainedWarmUp() {
        return seconds("bench.warmup", 60);
    }
}
