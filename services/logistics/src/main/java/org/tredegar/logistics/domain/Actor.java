package org.tredegar.logistics.domain;

import org.tredegar.platform.problem.ApiProblem;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who asks, as the domain needs to know it: how the audit trail names them, which hubs they coordinate, and their
 * volunteer id if they are a volunteer. Built by the api from the token (platform {@code Caller} and hub claims).
 *
 * @param auditName      the platform's one audit-actor format, {@code <role>:<id>}; never a person's name
 * @param coordinatedHubs the hubs this caller is a coordinator of (empty unless they have the coordinator role)
 * @param volunteerId    the volunteer's id (their token subject), for a caller with the volunteer role
 */
public record Actor(String auditName, Set<UUID> coordinatedHubs, Optional<UUID> volunteerId) {
    public Actor {
        coordinatedHubs = Set.copyOf(coordinatedHubs);
    }

    public boolean coordinates(UUID hubId) {
        return coordinatedHubs.contains(hubId);
    }

    /** True when this caller is the volunteer named (the one a trip is assigned to). */
    public boolean isVolunteer(UUID volunteer) {
        return volunteerId.map(volunteer::equals).orElse(false);
    }

    public void requireCoordinatorOf(UUID hubId) {
        if (!coordinates(hubId)) {
            throw ApiProblem.forbidden("only a coordinator of this hub may do this");
        }
    }
}
