package org.tredegar.dashboard.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.dashboard.config.DashboardConfig;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.config.Hubs;
import org.tredegar.dashboard.domain.PublicSummaries;
import org.tredegar.platform.web.ratelimit.RateLimited;

/** The public transparency page: server-rendered, no login, no script, aggregates only. */
@PermitAll
@RateLimited
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PublicPages {
    @Inject
    Hubs hubs;
    @Inject
    PublicSummaries summaries;
    @Inject
    DashboardConfig config;
    @Inject
    @Location("public/index.html")
    Template index;
    @Inject
    @Location("public/hub.html")
    Template hub;
    @Inject
    @Location("public/not-found.html")
    Template notFound;

    @GET
    public Uni<String> index() {
        return Multi.createFrom().iterable(hubs.all()).onItem().transformToUniAndConcatenate(this::summary)
                .collect().asList()
                .chain(list -> index.data("summaries", list).data("suppressedBelow", config.suppressBelow()).createUni());
    }

    @GET
    @Path("hubs/{slug}")
    public Uni<Response> hub(@PathParam("slug") String slug) {
        return hubs.find(slug)
                .map(h -> summary(h).chain(s -> hub.data("s", s).createUni())
                        .map(html -> Response.ok(html).build()))
                .orElseGet(() -> notFound.data("slug", slug).createUni()
                        .map(html -> Response.status(404).entity(html).type(MediaType.TEXT_HTML + ";charset=UTF-8").build()));
    }

    private Uni<PublicSummary> summary(Hub hub) {
        return summaries.of(hub).map(PublicSummary::of);
    }
}
