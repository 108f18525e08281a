package org.tredegar.volunteers.persistence;

import io.vertx.pgclient.PgException;

/**
 * Whether a write failed on a unique index: two sign-ups of one account or contact raced, and the other one won. The
 * callers recover by reading what the winner wrote.
 */
public final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** From a Hibernate Reactive session (the cause is wrapped, sometimes only named in a message). */
    public static boolean inSession(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains(UNIQUE_VIOLATION) || message.contains("duplicate key"))) {
                return true;
            }
        }
        return false;
    }

    /** From a statement on the reactive pool ({@link SignUpStatement}), as PostgreSQL reports it to the client. */
    public static boolean onPool(Throwable e) {
        return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
