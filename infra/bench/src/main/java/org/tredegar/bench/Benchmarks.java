package org.tredegar.bench;

import org.tredegar.testing.Launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `./tredegar bench [name...] [property=value...]`: runs the benchmarks and rewrites their sections of
 * docs/benchmarks.md, keeping the sections of benchmarks that were not run this time. Arguments with an {@code =}
 * set system properties for the run (the benchmarks' {@code bench.*} knobs), e.g. a small trial that leaves the
 * documented figures alone: {@code ./tredegar bench signups bench.warmup=3 bench.measure=10
 * bench.report=infra/bench/target/benchmarks-trial.md}.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                System.setProperty(arg.substring(0, eq), arg.substring(eq + 1));
            } else {
                names.add(arg);
            }
        }
        List<String> wanted = names.isEmpty() ? List.of("intake", "volunteers", "signups", "search", "keycloak", "notifications") : names;
        // The loop starts every service wired together; the others start single services that would join the same
        // consumer groups (and send nowhere), so it runs in a JVM of its own: `./tredegar bench loop`.
        if (wanted.contains("loop") && wanted.size() > 1) {
            throw new IllegalArgumentException("run the loop benchmark on its own: ./tredegar bench loop");
        }
        Platform platform = new Platform();
        Map<String, String> sections = new LinkedHashMap<>();
        for (String name : wanted) {
            System.out.println("running benchmark " + name + " ...");
            // The first probe is warm-up for its own code: only the second (and the one after the run) are reported.
            Machine.probeMegabytesPerSecond(1);
            double speedBefore = Machine.probeMegabytesPerSecond(3);
            double memoryBefore = Machine.probeMemoryNanos();
            String measured = switch (name) {
                case "intake" -> IntakeBenchmark.run(platform);
                case "volunteers" -> VolunteersBenchmark.run(platform);
                case "signups" -> SignUpsBenchmark.run(platform);
                case "search" -> CandidateSearchBenchmark.run(platform);
                case "keycloak" -> KeycloakSignupBenchmark.run(platform);
                case "notifications" -> NotificationsBenchmark.run(platform);
                case "loop" -> LoopBenchmark.run(); // the whole platform, started once, on the same PostgreSQL and Kafka
                default -> throw new IllegalArgumentException("unknown benchmark " + name + " (known: intake, volunteers, signups, search, keycloak, notifications, loop)");
            };
            double speedAfter = Machine.probeMegabytesPerSecond(3);
            double memoryAfter = Machine.probeMemoryNanos();
            String section = measured + String.format(Locale.ROOT, "%nMachine speed probes, before / after the run: "
                    + "SHA-256 on all cores %.0f / %.0f MB/s, a read from memory %.0f / %.0f ns. Figures taken when "
                    + "the probes read much worse are not comparable.%n", speedBefore, speedAfter, memoryBefore, memoryAfter);
            System.out.println(section);
            sections.put(name, section);
            write(Map.of(name, section), name); // each as soon as it is measured: a later failure loses nothing
        }
        System.exit(0);
    }

    static void write(Map<String, String> sections, String args) throws Exception {
        // bench.report: another file for trial runs (small scale, busy machine) that must not replace the figures.
        Path file = Launcher.root().resolve(System.getProperty("bench.report", "docs/benchmarks.md"));
        String text = Files.exists(file) ? Files.readString(file) : """
                # Benchmarks

                Measured with `./tredegar bench` (all) or `./tredegar bench <name>`; each run rewrites its own section below.
                Figures depend on the machine: each section says which one, when, and the exact command.
                No test asserts a timing; these figures are for sizing and for spotting regressions.

                """;
        for (Map.Entry<String, String> e : sections.entrySet()) {
            String block = "<!-- bench:" + e.getKey() + " -->\n" + e.getValue()
                    + "\nMachine: " + Machine.describe() + ". Date: "
                    + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                    + ". Command: `./tredegar bench " + e.getKey() + "`.\n<!-- /bench:" + e.getKey() + " -->";
            Pattern existing = Pattern.compile("<!-- bench:" + e.getKey() + " -->.*?<!-- /bench:" + e.getKey() + " -->", Pattern.DOTALL);
            Matcher m = existing.matcher(text);
            text = m.find() ? m.replaceFirst(Matcher.quoteReplacement(block)) : text + "\n" + block + "\n";
        }
        Files.writeString(file, text);
        System.out.println("wrote " + file);
    }
}
