package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;

import java.util.Optional;
import java.util.UUID;

/**
 * What this service asks of the volunteers service on a volunteer's behalf, when they answer by text. Each answer
 * comes back on the caller's Vert.x context (see {@link OwnContext#back}).
 */
public interface Volunteers {
    /** The volunteer's answer to their offer. False when the volunteers service refuses it (closed, not theirs). */
    Uni<Boolean> answer(UUID offerId, UUID volunteerId, OfferAnswer answer);

    /** Switches duty for whoever has this number; empty when nobody does. */
    Uni<Optional<DutySwitched>> switchDuty(String phone, boolean onDuty);

    /** DONE (finished) or CAN'T (given back) for the volunteer's running task. */
    Uni<TaskEnd> endTask(UUID assignmentId, UUID volunteerId, boolean done);

    /** What the volunteers service said: ended now, not theirs, or already over. */
    enum TaskEnd { ENDED, NOT_YOURS, ALREADY_OVER }

    /** The volunteer's duty as it now stands, and the language to tell them in. */
    record DutySwitched(boolean onDuty, String language) {
    }
}
