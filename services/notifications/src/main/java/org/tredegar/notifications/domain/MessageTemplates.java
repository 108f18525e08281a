package org.tredegar.notifications.domain;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a message kind in a language from {@code templates/messages/<kind>/<language>.txt}: the first line is the
 * subject, the rest the text. A language without a template falls back to English; the service refuses to start
 * if any kind lacks any supported language, so a gap is found by the build's tests, not by a person in need.
 */
@ApplicationScoped
public class MessageTemplates {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    Engine engine;

    void checkComplete(@Observes StartupEvent ignored) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("message templates missing: " + missing);
        }
    }

    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            for (String language : Languages.SUPPORTED) {
                if (engine.getTemplate(id(kind, language)) == null) {
                    missing.add(id(kind, language));
                }
            }
        }
        return missing;
    }

    public RenderedMessage render(MessageKind kind, String requestedLanguage, Map<String, Object> params, ZoneId zone) {
        String language = Languages.supported(requestedLanguage);
        Template template = engine.getTemplate(id(kind, language));
        if (template == null) {
            language = "en";
            template = engine.getTemplate(id(kind, language));
        }
        var instance = template.instance()
                .data("category", Labels.of(language, "category", str(params.get("category"))))
                .data("urgency", Labels.of(language, "urgency", str(params.get("urgency"))))
                .data("distance", distance(params.get("distanceKm"), language))
                .data("expires", params.get("expiresAt") == null ? "" : CLOCK.format(Instant.parse(str(params.get("expiresAt"))).atZone(zone)))
                .data("offerCode", str(params.get("offerCode")))
                .data("level", str(params.get("level")))
                .data("requestId", shortId(str(params.get("requestId"))))
                .data("item", str(params.get("item")).replace('-', ' '))
                .data("available", str(params.get("available")))
                .data("minimum", str(params.get("minimum")))
                .data("missing", str(params.get("missing")).replace('-', ' '))
                // One-time codes: the code is in params only in memory, for this render (never stored).
                .data("code", str(params.get("code")))
                // Fetched at send time and held for this render only (never stored): task details, first names,
                // tracking codes, a relayed text.
                .data("firstName", str(params.get("firstName")))
                .data("trackingCode", str(params.get("trackingCode")))
                .data("description", str(params.get("description")))
                .data("place", str(params.get("place")))
                .data("when", window(params.get("windowFrom"), params.get("windowTo"), zone))
                .data("relay", Boolean.TRUE.equals(params.get("relay")))
                .data("text", str(params.get("text")))
                .data("hubName", params.get("hubName") == null ? "Tredegar" : str(params.get("hubName")))
                .data("choices", choices(params.get("choices"), language))
                .data("minutes", params.get("minutes") instanceof Number n ? n.intValue() : 0)
                .data("purpose", Labels.of(language, "purpose", params.get("purpose") == null ? null : str(params.get("purpose"))));
        String rendered = instance.render().strip();
        int firstBreak = rendered.indexOf('\n');
        String subject = firstBreak < 0 ? rendered : rendered.substring(0, firstBreak).strip();
        String text = firstBreak < 0 ? rendered : rendered.substring(firstBreak + 1).strip();
        boolean rtl = Languages.rightToLeft(language);
        String html = engine.getTemplate("email/layout.html").instance()
                .data("lang", language)
                .data("dir", rtl ? "rtl" : "ltr")
                .data("align", rtl ? "right" : "left")
                .data("subject", subject)
                .data("paragraphs", Arrays.stream(text.split("\n")).filter(p -> !p.isBlank()).toList())
                .render();
        return new RenderedMessage(language, subject, text, html);
    }

    /** "1 groceries, 2 a cooked meal, …": the intake's numbered list, in the person's language. */
    private static String choices(Object slugs, String language) {
        if (!(slugs instanceof List<?> list)) {
            return "";
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            numbered.add((i + 1) + " " + Labels.of(language, "category", str(list.get(i))));
        }
        return String.join(", ", numbered);
    }

    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("d/M HH:mm");

    private static String window(Object from, Object to, ZoneId zone) {
        if (from == null) {
            return "";
        }
        String start = DAY_AND_CLOCK.format(Instant.parse(str(from)).atZone(zone));
        return to == null ? start : start + "–" + CLOCK.format(Instant.parse(str(to)).atZone(zone));
    }

    static String id(MessageKind kind, String language) {
        return "messages/" + kind.slug() + "/" + language + ".txt";
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Coordinators find a request by the first block of its id; the full id stays in the dashboard. */
    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String distance(Object km, String language) {
        if (!(km instanceof Number n)) {
            return "";
        }
        // Western digits in every language: a number in a text message must read the same as on a map.
        Locale locale = "ar".equals(language) ? Locale.ROOT : Locale.forLanguageTag(language);
        return String.format(locale, "%.1f", n.doubleValue());
    }
}
