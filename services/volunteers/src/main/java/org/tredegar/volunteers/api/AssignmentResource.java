package org.tredegar.volunteers.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.volunteers.domain.Claims;

import java.util.UUID;

/**
 * The assigned volunteer finishing a task, or giving it back (no blame: the next people are asked) — themselves, or
 * by text ("DONE" / "CAN'T") relayed by the notifications service, which names them in the body.
 */
@Path("/api/v1/assignments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"volunteer", "coordinator", "service"})
public class AssignmentResource {
    @Inject
    Claims claims;
    @Inject
    SecurityIdentity identity;

    /** The body is optional for a volunteer; a service sends {@code {"volunteerId": "…"}}. */
    @POST
    @Path("/complete")
    public Uni<Response> complete(@PathParam("id") UUID id, @Valid CompleteRequest body) {
        return claims.complete(id, Answerer.of(identity, body == null ? null : body.volunteerId()))
                .replaceWith(Response.noContent().build());
    }

    /** The body is optional for a volunteer: {@code {"reason": "cannot-make-it"}}; a service adds {@code volunteerId}. */
    @POST
    @Path("/release")
    public Uni<Response> release(@PathParam("id") UUID id, @Valid ReleaseRequest body) {
        return claims.release(id, Answerer.of(identity, body == null ? null : body.volunteerId()),
                        body == null ? null : body.reason())
                .replaceWith(Response.noContent().build());
    }
}
