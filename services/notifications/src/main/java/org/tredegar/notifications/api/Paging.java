package org.tredegar.notifications.api;

import org.tredegar.platform.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque cursors (the last seen position, base64url) and limits: default 50, at most 500. */
public final class Paging {
    private Paging() {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > 500) {
            throw ApiProblem.badField("limit", "must be between 1 and 500");
        }
        return limit;
    }

    public static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("cursor", "is not a cursor this API gave out");
        }
    }

    public static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(position).getBytes(StandardCharsets.UTF_8));
    }
}
