package org.tredegar.contracts;

import java.util.List;

/**
 * An incoming event that can never be processed, however often it is retried: unknown type, unreadable JSON, or
 * data that breaks its schema. Consumers send it to their dead-letter topic instead of retrying.
 */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    public InvalidEventException(String message) {
        this(message, List.of(), null);
    }

    public InvalidEventException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    public InvalidEventException(String message, List<String> violations) {
        this(message, violations, null);
    }

    private InvalidEventException(String message, List<String> violations, Throwable cause) {
        super(message, cause);
        this.violations = List.copyOf(violations);
    }

    /** Schema violations, one line each; empty when the event failed for another reason. */
    public List<String> violations() {
        return violations;
    }
}
