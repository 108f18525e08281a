package org.tredegar.logistics.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.logistics.domain.Locations;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.paging.Page;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/hubs/{hubId}/locations")
@Produces(MediaType.APPLICATION_JSON)
public class LocationResource {
    @Inject
    Locations locations;
    @Inject
    SecurityIdentity identity;

    /** Volunteers see where to pick up; coordinators manage the list. */
    @GET
    @RolesAllowed({"coordinator", "volunteer", "operator", "admin"})
    public Uni<Page<LocationView>> list(@PathParam("hubId") String hub, @QueryParam("cursor") String cursor,
                                        @QueryParam("limit") Integer limit) {
        UUID hubId = HubAccess.requireMemberOf(identity, hub);
        int pageSize = Cursors.limit(limit);
        List<String> after = Cursors.decode(cursor, 2);
        Locations.After from = after.isEmpty() ? null : new Locations.After(after.get(0), CursorParts.uuid(after.get(1)));
        return locations.page(hubId, from, pageSize).map(found -> Page.of(found.stream().map(LocationView::of).toList(),
                pageSize, last -> Cursors.encode(last.name(), last.id().toString())));
    }

    @POST
    @RolesAllowed("coordinator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@PathParam("hubId") String hub,
                                @NotNull(message = "a JSON body is required") @Valid NewLocation body) {
        UUID hubId = HubAccess.requireMemberOf(identity, hub);
        return locations.create(hubId, body.toDetails(), Actors.of(identity))
                .map(created -> Response.status(Response.Status.CREATED).entity(LocationView.of(created)).build());
    }
}
