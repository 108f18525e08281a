package org.tredegar.dashboard.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.dashboard.messaging.ReadModelRebuild;
import org.tredegar.platform.problem.ApiProblem;

/** Rebuild of the read models from the topics (README "Rebuild"). */
@Path("/api/v1/admin/rebuild")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    @Inject
    ReadModelRebuild rebuild;

    /** Starts a rebuild in the background: 202 with its status; 409 while one is running. */
    @POST
    public Response start() {
        ReadModelRebuild.Status running = rebuild.start().orElseThrow(() -> ApiProblem.conflict("rebuild-running",
                "a rebuild started at " + rebuild.status().startedAt() + " is still running"));
        return Response.accepted(running).build();
    }

    @GET
    public ReadModelRebuild.Status status() {
        return rebuild.status();
    }
}
