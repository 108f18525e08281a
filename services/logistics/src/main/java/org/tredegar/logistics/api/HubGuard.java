package org.tredegar.logistics.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.problem.ApiProblem;

import java.util.UUID;

/** Hub scoping for things that only know their hub's id (locations, deliveries). */
final class HubGuard {
    private HubGuard() {
    }

    static boolean actsFor(SecurityIdentity identity, UUID hubId) {
        return HubAccess.hubsOf(identity).stream().anyMatch(slug -> HubIds.idOf(slug).equals(hubId));
    }

    static void requireCoordinatorOf(SecurityIdentity identity, UUID hubId) {
        if (!identity.hasRole("coordinator") || !actsFor(identity, hubId)) {
            throw ApiProblem.forbidden("only a coordinator of this hub may do this");
        }
    }
}
