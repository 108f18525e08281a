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
import org.tredegar.platform.caller.Caller;
import org.tredegar.volunteers.domain.Account;
import org.tredegar.volunteers.domain.Claims;

import java.util.UUID;

/** The assigned volunteer finishing a task, or giving it back (no blame: the next people are asked). */
@Path("/api/v1/assignments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"volunteer", "coordinator"})
public class AssignmentResource {
    @Inject
    Claims claims;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/complete")
    public Uni<Response> complete(@PathParam("id") UUID id) {
        return claims.complete(id, me()).replaceWith(Response.noContent().build());
    }

    /** The body is optional: {@code {"reason": "cannot-make-it"}}. */
    @POST
    @Path("/release")
    public Uni<Response> release(@PathParam("id") UUID id, @Valid ReleaseRequest body) {
        return claims.release(id, me(), body == null ? null : body.reason())
                .replaceWith(Response.noContent().build());
    }

    private UUID me() {
        return Account.of(Caller.of(identity)).volunteerId();
    }
}
