package org.tredegar.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URI per kind of error, so clients can branch on it;
 * {@code errors} names each bad field. Never carries a stack trace or personal data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String BASE = "https://tredegar.org/problems/";

    public record FieldError(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }
}
