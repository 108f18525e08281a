package org.tredegar.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.platform.hub.HubAccess;

import java.util.List;
import java.util.UUID;

/** Any member of a hub can read its audit log and check that nobody edited it: horizontal accountability. */
@Path("/api/v1/hubs/{hubId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"volunteer", "coordinator", "operator", "admin", "partner"})
public class AuditResource {
    @Inject
    AuditTrail trail;
    @Inject
    SecurityIdentity identity;

    public record Page(List<AuditTrail.Entry> items, String nextCursor) {
    }

    @GET
    public Uni<Page> read(@PathParam("hubId") String hubId, @QueryParam("cursor") @DefaultValue("0") @Min(0) long after,
                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        UUID hub = HubAccess.requireMemberOf(identity, hubId);
        return trail.read(hub, after, limit).map(items -> new Page(items,
                items.size() < limit ? null : String.valueOf(items.get(items.size() - 1).seq())));
    }

    @GET
    @Path("/verify")
    public Uni<AuditTrail.Verification> verify(@PathParam("hubId") String hubId) {
        return trail.verify(HubAccess.requireMemberOf(identity, hubId));
    }
}
