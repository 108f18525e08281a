package org.tredegar.volunteers.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A stored text column's parsed value, kept by its text. A candidate search maps up to a few thousand rows, and
 * their hub lists, skills, languages and availability repeat from person to person (a handful of patterns per hub):
 * each distinct text is parsed once instead of once per row. The parsed values must be immutable, since rows share
 * them. Bounded by clearing: a free-text column would not repeat, and this is a cache, not a store.
 */
final class ParsedColumn<T> {
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, T> parsed = new ConcurrentHashMap<>();
    private final Function<String, T> parse;

    ParsedColumn(Function<String, T> parse) {
        this.parse = parse;
    }

    T of(String stored) {
        if (stored == null) {
            return parse.apply(null);
        }
        T known = parsed.get(stored);
        if (known != null) {
            return known;
        }
        if (parsed.size() >= MAX_ENTRIES) {
            parsed.clear();
        }
        T value = parse.apply(stored);
        parsed.put(stored, value);
        return value;
    }
}
