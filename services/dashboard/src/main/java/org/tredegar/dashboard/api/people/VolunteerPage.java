package org.tredegar.dashboard.api.people;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tredegar.dashboard.domain.SiteLanguage;
import org.tredegar.platform.web.ratelimit.RateLimited;

/**
 * /volunteer: where "Volunteer" on the home page leads. For now it says, in the visit's language, how to start today
 * (a coordinator signs you up; offers come by text); sign-up, offers and tasks on the page come next (issue 20).
 */
@PermitAll
@RateLimited
@Path("/volunteer")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class VolunteerPage {
    @Inject
    SitePage site;
    @Inject
    @Location("people/volunteer.html")
    Template volunteer;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @GET
    public Uni<Response> page() {
        SiteLanguage language = site.language(uri, headers);
        return site.render(volunteer.instance(), language, "/volunteer").createUni()
                .map(html -> Response.ok(html).type(MediaType.TEXT_HTML + ";charset=UTF-8").cookie(site.remember(language)).build());
    }
}
