package org.tredegar.platform.paging;

import java.util.List;

/** A page of a list, as every Tredegar API returns it; {@code nextCursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** The page of {@code items} asked for with {@code limit}: a full page may have a next one, so it gets a cursor. */
    public static <T> Page<T> of(List<T> items, int limit, java.util.function.Function<T, String> cursorOfLast) {
        String next = items.size() < limit || items.isEmpty() ? null : cursorOfLast.apply(items.get(items.size() - 1));
        return new Page<>(items, next);
    }
}
