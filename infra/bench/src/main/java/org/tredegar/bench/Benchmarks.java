package org.tredegar.bench;

import org.tredegar.testing.Launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `./tredegar bench [name...]`: runs the benchmarks and rewrites their sections of docs/benchmarks.md, keeping the
 * sections of benchmarks that were not run this time.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> wanted = args.length == 0 ? List.of("intake", "volunteers", "search", "keycloak", "notifications") : List.of(args);
        Platform platform = new Platform();
        Map<String, String> sections = new LinkedHashMap<>();
        for (String name : wanted) {
            System.out.println("running benchmark " + name + " ...");
            String section = switch (name) {
                case "intake" -> IntakeBenchmark.run(platform);
                case "volunteers" -> VolunteersBenchmark.run(platform);
                case "search" -> CandidateSearchBenchmark.run(platform);
                case "keycloak" -> KeycloakSignupBenchmark.run(platform);
                case "notifications" -> NotificationsBenchmark.run(platform);
                default -> throw new IllegalArgumentException("unknown benchmark " + name + " (known: intake, volunteers, search, keycloak, notifications)");
            };
            System.out.println(section);
            sections.put(name, section);
            write(Map.of(name, section), name); // each as soon as it is measured: a later failure loses nothing
        }
        System.exit(0);
    }

    static void write(Map<String, String> sections, String args) throws Exception {
        Path file = Launcher.root().resolve("docs/benchmarks.md");
        String text = Files.exists(file) ? Files.readString(file) : """
                # Benchmarks

                Measured with `./tredegar bench` (all) or `./tredegar bench <name>`; each run rewrites its own section below.
                Figures depend on the machine: each section says which one, when, and the exact command.
                No test asserts a timing; these figures are for sizing and for spotting regressions.

                """;
        for (Map.Entry<String, String> e : sections.entrySet()) {
            String block = "<!-- bench:" + e.getKey() + " -->\n" + e.getValue()
                    + "\nMachine: " + Machine.describe() + ". Date: " + LocalDate.now()
                    + ". Command: `./tredegar bench " + e.getKey() + "`.\n<!-- /bench:" + e.getKey() + " -->";
            Pattern existing = Pattern.compile("<!-- bench:" + e.getKey() + " -->.*?<!-- /bench:" + e.getKey() + " -->", Pattern.DOTALL);
            Matcher m = existing.matcher(text);
            text = m.find() ? m.replaceFirst(Matcher.quoteReplacement(block)) : text + "\n" + block + "\n";
        }
        Files.writeString(file, text);
        System.out.println("wrote " + file);
    }
}
