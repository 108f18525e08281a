package org.tredegar.notifications.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import org.tredegar.platform.web.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.domain.Alert;
import org.tredegar.notifications.domain.PublicAlerts;
import org.tredegar.notifications.domain.TimeSource;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.problem.ApiProblem;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Public alerts in CAP 1.2: a hub's coordinators publish ("warming centre open at the library tonight"), anyone
 * reads them as an Atom feed or one CAP document each.
 */
@Path("/api/v1")
public class AlertResource {
    static final int HEADLINE_MAX = 160;
    static final int DESCRIPTION_MAX = 4000;
    static final int INSTRUCTION_MAX = 2000;

    @Inject
    SecurityIdentity identity;
    @Inject
    PublicAlerts alerts;
    @Inject
    Hubs hubs;
    @Inject
    TimeSource clock;

    public record AlertRequest(String headline, String description, String instruction, String severity,
                               String urgency, String certainty, String expires) {
    }

    public record AlertView(UUID id, UUID hubId, String headline, String severity, String urgency, String certainty,
                            Instant sent, Instant expires, String cap) {
    }

    @POST
    @Path("/hubs/{hubId}/alerts")
    @RolesAllowed("coordinator")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> publish(@PathParam("hubId") String hub, AlertRequest body, @Context UriInfo uri) {
        UUID hubId = HubAccess.requireMemberOf(identity, hub);
        if (body == null) {
            throw ApiProblem.badField("body", "a JSON body is required");
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        String hubSlug = hubs.slugOf(hubId).orElse(hub);
        Alert alert = new Alert(UUID.randomUUID(), hubId, hubSlug, "hub-" + hubSlug + "@notifications.tredegar", now,
                text("headline", body.headline(), HEADLINE_MAX, true),
                text("description", body.description(), DESCRIPTION_MAX, true),
                text("instruction", body.instruction(), INSTRUCTION_MAX, false),
                oneOf("severity", CapValues.SEVERITY, body.severity()),
                oneOf("urgency", CapValues.URGENCY, body.urgency()),
                oneOf("certainty", CapValues.CERTAINTY, body.certainty()),
                expires(body.expires(), now), null);
        return alerts.publish(alert, Caller.of(identity).actor())
                .map(published -> Response.created(URI.create(capHref(uri, published.id())))
                        .entity(new AlertView(published.id(), hubId, published.headline(), published.severity(),
                                published.urgency(), published.certainty(), published.sentAt(), published.expiresAt(),
                                capHref(uri, published.id())))
                        .build());
    }

    @GET
    @Path("/alerts.atom")
    @PermitAll
    @RateLimited
    @Produces("application/atom+xml")
    public Uni<String> feed(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        int max = Cursors.limit(limit);
        long before = SeqCursors.position(cursor, Long.MAX_VALUE);
        Instant now = clock.now();
        return alerts.current(before, now, max + 1)
                .map(rows -> {
                    List<Alert> page = rows.stream().limit(max).toList();
                    String base = uri.getBaseUri().toString().replaceAll("/+$", "");
                    String next = rows.size() > max
                            ? base + "/api/v1/alerts.atom?limit=" + max + "&cursor=" + SeqCursors.of(page.get(max - 1).seq()) : null;
                    Instant updated = page.isEmpty() ? now : page.get(0).sentAt();
                    return CapWriter.atom(page, base + "/api/v1/alerts.atom", next, base + "/api/v1/alerts/", updated);
                });
    }

    @GET
    @Path("/alerts/{id}.cap")
    @PermitAll
    @RateLimited
    @Produces(CapWriter.CAP_MEDIA_TYPE)
    public Uni<String> cap(@PathParam("id") String id) {
        UUID alertId;
        try {
            alertId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("alert " + id);
        }
        return alerts.find(alertId)
                .map(a -> CapWriter.cap(a.orElseThrow(() -> ApiProblem.notFound("alert " + id))));
    }

    private static String capHref(UriInfo uri, UUID id) {
        return uri.getBaseUri().toString().replaceAll("/+$", "") + "/api/v1/alerts/" + id + ".cap";
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiProblem.badField(field, "is required");
            }
            return null;
        }
        if (value.length() > max) {
            throw ApiProblem.badField(field, "must be at most " + max + " characters (was " + value.length() + ")");
        }
        return value.strip();
    }

    private static String oneOf(String field, List<String> set, String value) {
        return CapValues.canonical(set, value)
                .orElseThrow(() -> ApiProblem.badField(field, "must be one of " + String.join(", ", set) + " (CAP 1.2)"));
    }

    private static Instant expires(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant expires;
        try {
            expires = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badField("expires", "must be an ISO-8601 time with an offset, e.g. 2025-12-01T08:00:00Z");
        }
        if (!expires.isAfter(now)) {
            throw ApiProblem.badField("expires", "must be in the future");
        }
        return expires.truncatedTo(ChronoUnit.SECONDS);
    }
}
