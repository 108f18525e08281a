package org.tredegar.platform.web.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.tredegar.platform.problem.Problem;

import java.util.List;

/** Turns away a client address that has used up its allowance: 429 problem+json with Retry-After. */
@Provider
@RateLimited
public class RateLimitFilter implements ContainerRequestFilter {
    @Inject
    ClientRateLimiter limiter;
    @Context
    HttpServerRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        String forwardedFor = context.getHeaderString("X-Forwarded-For");
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long waitSeconds = limiter.tryAcquire(limiter.clientAddress(peer, forwardedFor));
        if (waitSeconds > 0) {
            Problem problem = new Problem(Problem.type("rate-limited"), "Too many requests", 429,
                    "too many requests from your address; try again in " + waitSeconds + " s",
                    context.getUriInfo().getPath(), List.of());
            context.abortWith(Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", waitSeconds)
                    .entity(problem).build());
        }
    }
}
