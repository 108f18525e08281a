package org.tredegar.logistics.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.tredegar.logistics.domain.Actor;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.hub.HubIds;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The token's view of a caller, for the domain: the platform's {@link Caller} plus the hubs in its claim. */
final class Actors {
    private Actors() {
    }

    static Actor of(SecurityIdentity identity) {
        Caller caller = Caller.of(identity);
        // Things here only know their hub's id (locations, deliveries), the token names hubs by slug.
        Set<UUID> coordinated = identity.hasRole("coordinator")
                ? HubAccess.hubsOf(identity).stream().map(HubIds::idOf).collect(Collectors.toSet())
                : Set.of();
        // Volunteers with an account are known to the volunteers service by their token subject.
        Optional<UUID> volunteer = identity.hasRole("volunteer") ? caller.subjectUuid() : Optional.empty();
        return new Actor(caller.actor(), coordinated, volunteer);
    }
}
