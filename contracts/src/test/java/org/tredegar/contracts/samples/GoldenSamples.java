package org.tredegar.contracts.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventType;

/**
 * The golden samples on the classpath, for contract tests here and in consuming services (through the
 * {@code tredegar-contracts} test-jar). Plain Java on purpose: the test-jar brings no test libraries along.
 *
 * <p>Samples are listed in {@value #INDEX} rather than found by scanning, because listing a directory inside a jar
 * works differently in every class loader (Surefire, Quarkus tests, IDEs). Each line is {@code sha256sum} output:
 * the hash lets {@code GoldenSampleIndexTest} catch a sample that was edited, which the evolution rules forbid.
 */
public final class GoldenSamples {

    public static final String INDEX = "/samples/index.sha256";

    private static final String ROOT = "/samples/";

    private GoldenSamples() {
    }

    /** An index line: the sample's path below {@code /samples/} and the SHA-256 of its text with LF line ends. */
    public record Entry(String path, String sha256) {
    }

    public static List<Entry> index() {
        List<Entry> entries = new ArrayList<>();
        for (String line : read(INDEX).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+\\*?", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("Malformed line in " + INDEX + ": " + line);
            }
            entries.add(new Entry(parts[1], parts[0]));
        }
        return entries;
    }

    public static List<GoldenSample> all() {
        return index().stream().map(GoldenSamples::load).toList();
    }

    public static List<GoldenSample> of(EventType<?> type) {
        return all().stream().filter(sample -> sample.type().equals(type)).toList();
    }

    /** Everything a consumer of {@code topic} must be able to read. */
    public static List<GoldenSample> forTopic(String topic) {
        return all().stream().filter(sample -> sample.type().topic().equals(topic)).toList();
    }

    private static GoldenSample load(Entry entry) {
        // <ce-type>/v<N>/<name>.json
        String[] parts = entry.path().split("/");
        if (parts.length != 3 || !parts[2].endsWith(".json")) {
            throw new IllegalStateException("Sample path must be <ce-type>/v<N>/<name>.json: " + entry.path());
        }
        EventType<?> type = EventCatalog.byType(parts[0]).orElseThrow(
                () -> new IllegalStateException("Sample " + entry.path() + " names an unknown event type"));
        String name = parts[2].substring(0, parts[2].length() - ".json".length());
        String resource = ROOT + entry.path();
        return new GoldenSample(type, name, resource, read(resource));
    }

    /** Text with LF line ends, so that hashes agree on a Windows checkout with autocrlf. */
    static String read(String resource) {
        try (InputStream in = GoldenSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
