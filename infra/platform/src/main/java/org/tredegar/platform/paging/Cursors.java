package org.tredegar.platform.paging;

import org.tredegar.platform.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors and page limits, the same on every list: a cursor is the last row's sort key, base64url so
 * clients cannot build or rely on it; a limit is 1..500, 50 when absent. Bad values are the caller's 400.
 */
public final class Cursors {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Cursors() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor this API gave out; empty for the first page (no cursor). */
    public static List<String> decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String[] values = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (values.length != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return List.of(values);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("cursor", "is not a cursor this API gave out");
        }
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
