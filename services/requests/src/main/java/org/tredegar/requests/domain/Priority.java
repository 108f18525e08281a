package org.tredegar.requests.domain;

import org.tredegar.contracts.model.Urgency;

/**
 * The only inputs to a request's place in the queue are its urgency and how long it has waited. Nothing about the
 * person, their donations or their channel is allowed to move it.
 */
public final class Priority {
    private Priority() {
    }

    public static int rank(Urgency urgency) {
        return switch (urgency) {
            case LIFE_SAFETY -> 0;
            case URGENT -> 1;
            case SCHEDULED -> 2;
            case ROUTINE -> 3;
        };
    }
}
