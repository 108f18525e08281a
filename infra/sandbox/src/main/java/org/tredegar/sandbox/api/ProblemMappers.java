package org.tredegar.sandbox.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The sandbox API's errors leave as problem+json. The provider API ({@code /2010-04-01}) maps its own errors to the
 * provider's JSON instead; the page renders its own error summary.
 */
public class ProblemMappers {
    @ServerExceptionMapper
    public Response badRequest(BadRequest e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    /** 404, 405, 406, 415 and the like, which Quarkus raises before a resource runs. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        return respond(new Problem(Problem.type(title.toLowerCase().replace(' ', '-')), title, status,
                e.getMessage(), uri.getPath(), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
