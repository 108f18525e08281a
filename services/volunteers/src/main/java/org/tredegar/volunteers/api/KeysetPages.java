package org.tredegar.volunteers.api;

import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.paging.Page;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.volunteers.domain.Boards;
import org.tredegar.volunteers.domain.Keyset;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * This service's lists are keyset-paged by (time, id) ({@link Keyset}); their cursors are the platform's
 * ({@link Cursors}) with those two parts: the last item's time and id.
 */
final class KeysetPages {
    private KeysetPages() {
    }

    /** Where the page asked for starts: {@link Keyset#START} without a cursor; 400 for a cursor this API did not give. */
    static Keyset after(String cursor) {
        List<String> parts = Cursors.decode(cursor, 2);
        if (parts.isEmpty()) {
            return Keyset.START;
        }
        try {
            return new Keyset(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ApiProblem.badField("cursor", "is not a cursor this API gave out");
        }
    }

    /**
     * The page of a slice, its items as {@code view} shows them; a cursor (from the last item's {@code keyset}) only
     * when more items follow.
     */
    static <T, V> Page<V> page(Boards.Slice<T> slice, Function<T, V> view, Function<T, Keyset> keyset) {
        List<V> items = slice.items().stream().map(view).toList();
        if (!slice.more()) {
            return new Page<>(items, null);
        }
        Keyset last = keyset.apply(slice.items().get(slice.items().size() - 1));
        return new Page<>(items, Cursors.encode(last.at().toString(), last.id().toString()));
    }
}
