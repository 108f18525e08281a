package org.tredegar.notifications.domain;

import java.util.List;
import java.util.Locale;

/** The languages every message is written in; anything else falls back to English. */
public final class Languages {
    public static final List<String> SUPPORTED = List.of("en", "es", "fr", "ar");
    private static final List<String> RIGHT_TO_LEFT = List.of("ar");

    private Languages() {
    }

    /** "es-ES", "ES", "es_419" → "es"; unknown or missing → "en". */
    public static String supported(String requested) {
        if (requested == null || requested.isBlank()) {
            return "en";
        }
        String base = requested.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return SUPPORTED.contains(base) ? base : "en";
    }

    public static boolean rightToLeft(String language) {
        return RIGHT_TO_LEFT.contains(language);
    }
}
