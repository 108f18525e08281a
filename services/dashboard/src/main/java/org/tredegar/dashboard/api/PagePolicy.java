package org.tredegar.dashboard.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The pages' own Content-Security-Policy. The platform's default for every answer ({@code default-src 'none'}) fits
 * an API but would block the pages' inline style, and the operator page's script and live stream (found by the
 * browser test). Still nothing from other origins, no inline script, no framing, no plug-ins.
 */
public class PagePolicy {
    /**
     * The people's pages: our own stylesheet and script only (no inline script or style), forms posted to us only,
     * and the tracking page's refresh from the same origin.
     */
    static final String PUBLIC = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Operator page: inline style, its own script file and its own event stream. */
    static final String OPERATOR = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void policy(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        // A Response built without a type gets its @Produces type only after the filters: go by path as well.
        MediaType type = response.getMediaType();
        boolean html = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        if (path.equals("/operator") || path.equals("/operator/")) {
            response.getHeaders().putSingle("Content-Security-Policy", OPERATOR);
        } else if (html || path.equals("/") || path.startsWith("/hubs/") || path.startsWith("/ask")
                || path.startsWith("/track")) {
            response.getHeaders().putSingle("Content-Security-Policy", PUBLIC);
        }
    }
}
