package org.tredegar.requests.domain;

import java.util.UUID;

/**
 * How the request's own records name those who are not a caller with a token of their own (those are named by
 * {@code Caller.actor()}, {@code <role>:<id>}).
 */
public final class Actors {
    /** The person who asked: on the public form without an account, by text, or with their tracking code. */
    public static final String REQUESTER = "requester";
    /** This service's own jobs (escalation). */
    public static final String SYSTEM = "system";

    private Actors() {
    }

    /** A volunteer acting through the volunteers service (its events carry their id). */
    public static String volunteer(UUID volunteerId) {
        return "volunteer:" + volunteerId;
    }
}
