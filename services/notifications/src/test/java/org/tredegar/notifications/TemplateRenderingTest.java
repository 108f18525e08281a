package org.tredegar.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.notifications.domain.Languages;
import org.tredegar.notifications.domain.MessageKind;
import org.tredegar.notifications.domain.MessageTemplates;
import org.tredegar.notifications.domain.RenderedMessage;
import org.tredegar.testing.TredegarInfraResource;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class TemplateRenderingTest {
    static final Map<String, Object> PARAMS = Map.ofEntries(Map.entry("category", "warmth"), Map.entry("urgency", "urgent"),
            Map.entry("distanceKm", 2.0), Map.entry("offerCode", "1234"), Map.entry("expiresAt", "2025-11-20T18:30:00Z"),
            Map.entry("level", 2), Map.entry("requestId", "3f2c8a9e-5b71-4d0c"), Map.entry("item", "sleeping-bag"),
            Map.entry("available", 1), Map.entry("minimum", 5), Map.entry("missing", "blanket × 2"),
            Map.entry("code", "482913"), Map.entry("minutes", 15), Map.entry("purpose", "confirm-sign-up"));

    @Inject
    MessageTemplates templates;

    @Test
    void everyKindRendersInEveryLanguageWithNothingLeftUnfilled() {
        assertThat(templates.missing()).isEmpty();
        for (MessageKind kind : MessageKind.values()) {
            for (String language : Languages.SUPPORTED) {
                RenderedMessage m = templates.render(kind, language, PARAMS, ZoneId.of("Europe/London"));
                assertThat(m.language()).isEqualTo(language);
                assertThat(m.subject()).isNotBlank();
                assertThat(m.text()).isNotBlank().doesNotContain("{").doesNotContain("NOT_FOUND");
                assertThat(m.html()).contains("dir=\"" + (language.equals("ar") ? "rtl" : "ltr") + "\"");
            }
        }
    }

    @Test
    void aOneTimeCodeReadsPlainlyInEveryLanguageWithTheCodeAndItsTime() {
        for (String language : Languages.SUPPORTED) {
            RenderedMessage m = templates.render(MessageKind.ONE_TIME_CODE, language, PARAMS, ZoneId.of("Europe/London"));
            assertThat(m.text()).contains("482913").contains("15").contains("Tredegar");
        }
        assertThat(templates.render(MessageKind.ONE_TIME_CODE, "en", PARAMS, ZoneId.of("Europe/London")).text())
                .isEqualTo("Your Tredegar code to confirm your volunteer sign-up is 482913. It expires in 15 minutes. "
                        + "If you did not ask for it, ignore this message.");
        Map<String, Object> oneMinute = Map.of("code", "100200", "minutes", 1, "purpose", "erase-request");
        assertThat(templates.render(MessageKind.ONE_TIME_CODE, "fr", oneMinute, ZoneId.of("Europe/London")).text())
                .contains("100200").contains("pour effacer votre demande").contains("dans 1 minute.");
        assertThat(templates.render(MessageKind.ONE_TIME_CODE, "es", oneMinute, ZoneId.of("Europe/London")).text())
                .contains("en 1 minuto.");
    }

    @Test
    void anUnsupportedLanguageGetsEnglish() {
        RenderedMessage m = templates.render(MessageKind.OFFER, "cy", PARAMS, ZoneId.of("Europe/London"));
        assertThat(m.language()).isEqualTo("en");
        assertThat(m.text()).contains("keeping warm").contains("18:30").contains("1234");
    }
}
