package org.tredegar.logistics.domain;

import org.tredegar.platform.problem.ApiProblem;

import java.util.Optional;
import java.util.UUID;

/** Who asks, as the domain needs to know it: a name for the audit trail, and what they may do for which hub. */
public interface Caller {
    /** Role and token subject, never a person's name. */
    String actor();

    boolean coordinates(UUID hubId);

    /** The caller's volunteer id (token subject), if they are a volunteer. */
    Optional<UUID> volunteerId();

    default void requireCoordinatorOf(UUID hubId) {
        if (!coordinates(hubId)) {
            throw ApiProblem.forbidden("only a coordinator of this hub may do this");
        }
    }
}
