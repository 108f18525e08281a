package org.tredegar.notifications;

import org.junit.jupiter.api.Test;
import org.tredegar.notifications.domain.Languages;
import org.tredegar.notifications.domain.MessageKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message kind in every language: a missing or empty template fails the build. */
class TemplateCoverageTest {
    @Test
    void everyKindHasEveryLanguage() throws IOException {
        List<String> missing = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            for (String language : Languages.SUPPORTED) {
                String path = "/templates/messages/" + kind.slug() + "/" + language + ".txt";
                try (InputStream in = getClass().getResourceAsStream(path)) {
                    String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                    // A subject line and a text.
                    if (text.lines().filter(l -> !l.isBlank()).count() < 2) {
                        missing.add(path);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Languages.SUPPORTED).contains("en", "es", "fr", "ar");
    }

    @Test
    void unknownLanguagesFallBackToEnglish() {
        assertThat(Languages.supported("cy")).isEqualTo("en");
        assertThat(Languages.supported("es-MX")).isEqualTo("es");
        assertThat(Languages.supported(null)).isEqualTo("en");
        assertThat(Languages.rightToLeft("ar")).isTrue();
    }
}
