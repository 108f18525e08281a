package org.tredegar.platform.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers every answer carries. API answers are never cached (they can hold personal data) and never framed;
 * pages may set a stricter Content-Security-Policy of their own.
 */
public class SecurityHeaders {
    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putIfAbsent("Content-Security-Policy", java.util.List.of("default-src 'none'; frame-ancestors 'none'"));
        headers.putIfAbsent("Cache-Control", java.util.List.of("no-store"));
    }
}
