package org.tredegar.notifications.api;

import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.problem.ApiProblem;

import java.util.List;

/**
 * This service's lists are keyset-paged by a sequence the database assigns (a subscription's, an alert's, an
 * attempt's); their cursors are the platform's ({@link Cursors}) with that one part: the last item's position.
 */
final class SeqCursors {
    private SeqCursors() {
    }

    /** The position the page asked for starts after (or before, for a newest-first list); {@code first} without a cursor. */
    static long position(String cursor, long first) {
        List<String> parts = Cursors.decode(cursor, 1);
        if (parts.isEmpty()) {
            return first;
        }
        try {
            return Long.parseLong(parts.get(0));
        } catch (NumberFormatException e) {
            throw ApiProblem.badField("cursor", "is not a cursor this API gave out");
        }
    }

    static String of(long position) {
        return Cursors.encode(Long.toString(position));
    }
}
