package org.tredegar.volunteers.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.volunteers.domain.Claims;

import java.util.UUID;

/** A volunteer's answer to an offer. The first accept wins; a later one gets 409 with a friendly word. */
@Path("/api/v1/offers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"volunteer", "coordinator", "service"})
public class OfferResource {
    @Inject
    Claims claims;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AssignmentView> accept(@PathParam("id") UUID id, @Valid OfferAnswer answer) {
        return claims.accept(id, answerer(answer))
                .map(a -> new AssignmentView(a.id, a.requestId, a.volunteerId, null, a.status, a.acceptedAt, null, null));
    }

    @POST
    @Path("/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> decline(@PathParam("id") UUID id, @Valid OfferAnswer answer) {
        return claims.decline(id, answerer(answer)).replaceWith(Response.noContent().build());
    }

    /** Whose answer this is: the caller's own, or — for a service relaying an SMS reply — the volunteer it names. */
    private UUID answerer(OfferAnswer answer) {
        return Answerer.of(identity, answer == null ? null : answer.volunteerId());
    }
}
