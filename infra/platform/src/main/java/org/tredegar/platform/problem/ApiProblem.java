package org.tredegar.platform.problem;

import java.util.List;

/** Thrown by resources and domain code for a 4xx answer; mapped to problem+json by {@link ProblemMappers}. */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiProblem(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ApiProblem badField(String field, String message) {
        return new ApiProblem(400, "invalid-request", "The request is not valid", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", what + " does not exist or is not yours to see");
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(409, slug, "Conflict", detail);
    }

    /** 410: it existed and is over (a used or expired one-time code); asking again will not bring it back. */
    public static ApiProblem gone(String slug, String detail) {
        return new ApiProblem(410, slug, "Gone", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
