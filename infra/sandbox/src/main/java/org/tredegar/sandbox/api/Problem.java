package org.tredegar.sandbox.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, the same shape the platform's services answer with ({@code type} per kind of
 * error, {@code errors} naming each bad field), so scripts read the sandbox's errors as they read the platform's.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String BASE = "https://tredegar.org/problems/";

    public record FieldError(String field, String message) {
    }

    static URI type(String slug) {
        return URI.create(BASE + slug);
    }
}
