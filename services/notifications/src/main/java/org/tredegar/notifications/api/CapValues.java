package org.tredegar.notifications.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** CAP 1.2 value sets for an alert's info block, spelled as the standard spells them. */
public final class CapValues {
    public static final List<String> SEVERITY = List.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    public static final List<String> URGENCY = List.of("Immediate", "Expected", "Future", "Past", "Unknown");
    public static final List<String> CERTAINTY = List.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");

    private CapValues() {
    }

    /** The standard's spelling of a value given in any case, or empty when it is not in the set. */
    public static Optional<String> canonical(List<String> set, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return set.stream().filter(v -> v.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
