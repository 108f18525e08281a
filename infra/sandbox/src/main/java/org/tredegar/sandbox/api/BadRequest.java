package org.tredegar.sandbox.api;

import java.util.List;
import java.util.stream.Collectors;

/** A 400 of the sandbox's own API; answered as problem+json by {@link ProblemMappers}. */
public class BadRequest extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public BadRequest(List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public static BadRequest field(String field, String message) {
        return new BadRequest(List.of(new Problem.FieldError(field, message)));
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type("invalid-request"), "The request is not valid", 400, getMessage(), instance, errors);
    }
}
