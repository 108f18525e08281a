package org.tredegar.logistics.api;

import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.problem.ApiProblem;

import java.util.List;
import java.util.UUID;

/** The parts of the platform's cursors ({@link Cursors}) as this API wrote them; anything else is the caller's 400. */
final class CursorParts {
    private CursorParts() {
    }

    static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    /** Lists computed whole (the day's runs) are paged by position: the cursor is where the next page starts. */
    static int offset(String cursor) {
        List<String> parts = Cursors.decode(cursor, 1);
        if (parts.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(parts.get(0)));
        } catch (NumberFormatException e) {
            throw notOurs();
        }
    }

    static String offsetCursor(int offset) {
        return Cursors.encode(Integer.toString(offset));
    }

    private static ApiProblem notOurs() {
        return ApiProblem.badField("cursor", "is not a cursor this API gave out");
    }
}
