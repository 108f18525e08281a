package org.tredegar.requests.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.domain.ContactBook;
import org.tredegar.requests.domain.HubDirectory;
import org.tredegar.requests.persistence.HelpRequestEntity;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * How to reach the person who asked. Readable by the hub's coordinators, by the volunteer assigned to the request
 * while the assignment is active, and by the notifications service; every read is audited.
 */
@Path("/api/v1/requests/{id}/contact")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"coordinator", "volunteer", "service"})
public class ContactResource {
    private static final Set<RequestStatus> ACTIVE_ASSIGNMENT = EnumSet.of(RequestStatus.MATCHED, RequestStatus.IN_PROGRESS);

    @Inject
    ContactBook contacts;
    @Inject
    HubDirectory hubs;
    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<ContactView> read(@PathParam("id") UUID id) {
        return hubs.all().chain(loaded -> Panache.withTransaction(() -> HelpRequestEntity.<HelpRequestEntity>findById(id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("request " + id))
                .chain(r -> hubs.byId(r.hubId).chain(hub -> {
                    if (!mayRead(r, hub.map(h -> h.slug()).orElse(""))) {
                        throw ApiProblem.forbidden("only the hub's coordinators and the assigned volunteer may reach this person");
                    }
                    return contacts.open(r, Caller.of(identity).actor())
                            .map(contact -> ContactView.of(contact, identity.hasRole("service") ? r.trackingCode : null));
                }))));
    }

    private boolean mayRead(HelpRequestEntity r, String hubSlug) {
        if (identity.hasRole("service")) {
            return true;
        }
        if (identity.hasRole("coordinator") && HubAccess.isMember(identity, hubSlug)) {
            return true;
        }
        return identity.hasRole("volunteer") && r.volunteerId != null && ACTIVE_ASSIGNMENT.contains(r.status)
                && Caller.of(identity).subjectUuid().map(r.volunteerId::equals).orElse(false);
    }
}
