package org.tredegar.dashboard.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.dashboard.config.Hubs;
import org.tredegar.dashboard.domain.PublicSummaries;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.platform.web.ratelimit.RateLimited;

/** The public page's figures as JSON, for partners: no login, aggregates only, small numbers suppressed. */
@PermitAll
@RateLimited
@Path("/api/v1/hubs/{hubId}/summary")
public class HubSummaryResource {
    @Inject
    Hubs hubs;
    @Inject
    PublicSummaries summaries;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<PublicSummary> summary(@PathParam("hubId") String hubId) {
        return summaries.of(hubs.find(hubId).orElseThrow(() -> ApiProblem.notFound("hub " + hubId))).map(PublicSummary::of);
    }
}
