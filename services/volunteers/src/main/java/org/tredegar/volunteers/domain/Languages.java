package org.tredegar.volunteers.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Language tags as stored: lower case, comma-separated, in the order the volunteer gave them. */
public final class Languages {
    private Languages() {
    }

    public static List<String> parseList(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static String toList(List<String> tags) {
        return String.join(",", tags.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).distinct().toList());
    }
}
