package org.tredegar.volunteers.persistence;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import java.util.function.Function;

/**
 * A stored text column's parsed value, kept by its text. A candidate search maps up to a few thousand rows, and
 * their hub lists, skills, languages and availability repeat from person to person (a handful of patterns per hub):
 * each distinct text is parsed once instead of once per row. The parsed values must be immutable, since rows share
 * them. Bounded (Caffeine, least-used texts go first): this is a cache, not a store.
 */
final class ParsedColumn<T> {
    private static final int MAX_ENTRIES = 10_000;

    private final Function<String, T> parse;
    private final LoadingCache<String, T> parsed;

    ParsedColumn(Function<String, T> parse) {
        this.parse = parse;
        this.parsed = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build(parse::apply);
    }

    /** A null column (the cache takes no null keys) is parsed each time; the parsers answer it with a constant. */
    T of(String stored) {
        return stored == null ? parse.apply(null) : parsed.get(stored);
    }
}
