package org.tredegar.volunteers.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.paging.Page;
import org.tredegar.volunteers.domain.AssignmentStatus;
import org.tredegar.volunteers.domain.Boards;
import org.tredegar.volunteers.domain.Keyset;

import java.util.UUID;

/** Live claim state for a hub's coordinators: who holds which request, since when. */
@Path("/api/v1/hubs/{hubId}/assignments")
@Produces(MediaType.APPLICATION_JSON)
public class HubAssignmentResource {
    @Inject
    Boards boards;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({"coordinator", "operator", "admin"})
    public Uni<Page<AssignmentView>> list(@PathParam("hubId") String hubId,
                                          @QueryParam("status") @DefaultValue("active")
                                          @Pattern(regexp = "^(active|completed|released)$", message = "must be active, completed or released") String status,
                                          @QueryParam("cursor") @Size(max = 200) String cursor,
                                          @QueryParam("limit") Integer limit) {
        int size = Cursors.limit(limit);
        UUID hub = HubAccess.requireMemberOf(identity, hubId);
        Keyset after = KeysetPages.after(cursor);
        return boards.hubAssignments(hub, AssignmentStatus.fromSlug(status), after, size, Caller.of(identity).actor())
                .map(slice -> KeysetPages.page(slice, a -> new AssignmentView(a.id(), a.requestId(), a.volunteerId(),
                        a.volunteerName(), a.status(), a.acceptedAt(), a.completedAt(), a.releasedAt()),
                        a -> new Keyset(a.acceptedAt(), a.id())));
    }
}
