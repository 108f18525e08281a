package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tredegar.contracts.samples.GoldenSamples;

/**
 * Golden samples are never edited or deleted. The index pins each one by hash, so a change shows up here and in the
 * review diff of {@code index.sha256}, not months later as a consumer that cannot read an old message.
 */
class GoldenSampleIndexTest {

    private static final Path SAMPLES = Path.of("src/test/resources/samples");

    static List<GoldenSamples.Entry> entries() {
        return GoldenSamples.index();
    }

    @Test
    void indexListsExactlyTheSampleFiles() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            files = walk.filter(path -> path.toString().endsWith(".json"))
                    .map(path -> SAMPLES.relativize(path).toString().replace('\\', '/'))
                    .toList();
        }

        assertThat(GoldenSamples.index()).extracting(GoldenSamples.Entry::path)
                .as("samples listed in %s (add a line for a new sample; never remove one)", GoldenSamples.INDEX)
                .containsExactlyInAnyOrderElementsOf(files)
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void sampleIsUnchanged(GoldenSamples.Entry entry) throws IOException {
        String text = Files.readString(SAMPLES.resolve(entry.path()), StandardCharsets.UTF_8).replace("\r\n", "\n");

        assertThat(sha256(text))
                .as("%s was edited. Golden samples must keep deserialising forever: restore it and add a new sample "
                        + "for the new shape instead", entry.path())
                .isEqualTo(entry.sha256());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void sampleSitsUnderItsTypeAndVersion(GoldenSamples.Entry entry) {
        String[] parts = entry.path().split("/");

        assertThat(parts).hasSize(3);
        EventType<?> type = EventCatalog.byType(parts[0]).orElseThrow();
        assertThat(parts[1]).isEqualTo("v" + type.version());
        assertThat(parts[2]).matches("[a-z0-9][a-z0-9-]*\\.json");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
