package org.tredegar.logistics.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.tredegar.logistics.domain.Caller;

import java.util.Optional;
import java.util.UUID;

/** The token's view of a caller, for the domain. */
record IdentityCaller(SecurityIdentity identity) implements Caller {
    @Override
    public String actor() {
        return Callers.actor(identity);
    }

    @Override
    public boolean coordinates(UUID hubId) {
        return identity.hasRole("coordinator") && HubGuard.actsFor(identity, hubId);
    }

    @Override
    public Optional<UUID> volunteerId() {
        return identity.hasRole("volunteer") ? Callers.volunteerId(identity) : Optional.empty();
    }
}
