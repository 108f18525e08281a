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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tredegar.dashboard.api.people.SitePage;
import org.tredegar.dashboard.config.DashboardConfig;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.config.Hubs;
import org.tredegar.dashboard.domain.PublicSummaries;
import org.tredegar.dashboard.domain.SiteLanguage;
import org.tredegar.platform.web.ratelimit.RateLimited;

/**
 * The way in for people ({@code /}, {@code /hubs/{slug}}): "Ask for help" and "Volunteer" first, then how each hub
 * is doing (aggregates only). Server-rendered, no login, in the visit's language.
 */
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
    SitePage site;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;
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
    public Uni<Response> index() {
        SiteLanguage language = site.language(uri, headers);
        return Multi.createFrom().iterable(hubs.all()).onItem().transformToUniAndConcatenate(this::summary)
                .collect().asList()
                .chain(list -> site.render(index.data("summaries", list).data("suppressedBelow", config.suppressBelow()),
                        language, "/").createUni())
                .map(html -> html(200, html, language));
    }

    @GET
    @Path("hubs/{slug}")
    public Uni<Response> hub(@PathParam("slug") String slug) {
        SiteLanguage language = site.language(uri, headers);
        return hubs.find(slug)
                .map(h -> summary(h).chain(s -> site.render(hub.data("s", s), language, "/hubs/" + h.slug()).createUni())
                        .map(html -> html(200, html, language)))
                .orElseGet(() -> site.render(notFound.instance(), language, "/").createUni()
                        .map(html -> html(404, html, language)));
    }

    private Response html(int status, String html, SiteLanguage language) {
        return Response.status(status).entity(html).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .cookie(site.remember(language)).build();
    }

    private Uni<PublicSummary> summary(Hub hub) {
        return summaries.of(hub).map(PublicSummary::of);
    }
}
