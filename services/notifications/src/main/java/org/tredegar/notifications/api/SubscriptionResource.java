package org.tredegar.notifications.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.notifications.domain.PartnerWebhooks;
import org.tredegar.notifications.domain.Subscription;
import org.tredegar.notifications.domain.UrlGuard;
import org.tredegar.notifications.domain.WebhookAttempt;
import org.tredegar.notifications.domain.WebhookFanout;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.paging.Page;
import org.tredegar.platform.problem.ApiProblem;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Partner webhooks over HTTP ({@link PartnerWebhooks}): a partner subscribes its own URL to event types of the hubs it
 * acts for, lists and deletes its own; operators and admins list all of them, admins may delete any. Someone else's
 * subscription answers 404, like one that does not exist. The secret is never answered. A partner is its OAuth
 * client ({@link Caller#client()}).
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("partner")
public class SubscriptionResource {
    @Inject
    SecurityIdentity identity;
    @Inject
    UrlGuard urls;
    @Inject
    PartnerWebhooks webhooks;

    public record SubscribeRequest(String url, List<String> eventTypes, List<String> hubs, String secret) {
    }

    /** A subscription as the API shows it: never its secret. {@code partner} is the owning OAuth client. */
    public record SubscriptionView(UUID id, String partner, String url, List<String> eventTypes, List<UUID> hubs,
                                   String status, String statusReason, int consecutiveFailures, Instant createdAt) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.partner(), s.url(), s.eventTypes(), s.hubIds(), s.status().slug(),
                    s.statusReason(), s.consecutiveFailures(), s.createdAt());
        }
    }

    public record AttemptView(UUID deliveryId, String eventId, String eventType, int attempt, Instant attemptedAt,
                              Integer statusCode, String outcome, String error, long durationMs, Instant nextAttemptAt) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.deliveryId(), a.eventId(), a.eventType(), a.attempt(), a.attemptedAt(), a.statusCode(),
                    a.outcome().slug(), a.error(), a.durationMs(), a.nextAttemptAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> subscribe(SubscribeRequest body) {
        if (body == null) {
            throw ApiProblem.badField("body", "a JSON body is required");
        }
        urls.refusal(body.url()).ifPresent(why -> {
            throw ApiProblem.badField("url", why);
        });
        if (body.eventTypes() == null || body.eventTypes().isEmpty()) {
            throw ApiProblem.badField("eventTypes", "name at least one event type");
        }
        for (String type : body.eventTypes()) {
            if (!WebhookFanout.forwards(type)) {
                throw ApiProblem.badField("eventTypes", "unknown or not forwarded event type '" + type
                        + "' (use CloudEvents types such as org.tredegar.requests.RequestSubmitted.v1)");
            }
        }
        if (body.hubs() == null || body.hubs().isEmpty()) {
            throw ApiProblem.badField("hubs", "name at least one hub");
        }
        if (body.secret() == null || body.secret().length() < 24 || body.secret().length() > 512) {
            throw ApiProblem.badField("secret", "must be 24 to 512 characters");
        }
        Set<UUID> hubIds = new LinkedHashSet<>();
        for (String hub : body.hubs()) {
            hubIds.add(HubAccess.requireMemberOf(identity, hub == null ? "" : hub));
        }
        return webhooks.subscribe(partner(), body.url(), body.eventTypes(), hubIds, body.secret())
                .map(s -> Response.created(URI.create("/api/v1/subscriptions/" + s.id())).entity(SubscriptionView.of(s)).build());
    }

    /**
     * Subscriptions, oldest first, paged: a partner's own; every partner's for operators and admins. {@code hub} (id
     * or slug) keeps those that include that hub.
     */
    @GET
    @RolesAllowed({"partner", "operator", "admin"})
    public Uni<Page<SubscriptionView>> list(@QueryParam("hub") String hub, @QueryParam("cursor") String cursor,
                                            @QueryParam("limit") Integer limit) {
        int max = Cursors.limit(limit);
        boolean seesAll = identity.hasRole("admin") || identity.hasRole("operator");
        Optional<String> partner = seesAll ? Optional.empty() : Optional.of(partner());
        Optional<UUID> inHub = hub == null || hub.isBlank() ? Optional.empty() : Optional.of(hubId(hub.strip()));
        return webhooks.list(partner, inHub, SeqCursors.position(cursor, 0), max + 1)
                .map(rows -> page(rows, max, SubscriptionView::of, Subscription::seq));
    }

    /**
     * Stops deliveries for good: waiting deliveries are cancelled, the sealed secret is wiped, and the subscription
     * is no longer listed or readable. Its partner or an admin; anyone else gets 404. Audited in each of its hubs.
     */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({"partner", "admin"})
    public Uni<Response> delete(@PathParam("id") UUID id) {
        Caller caller = Caller.of(identity);
        return webhooks.delete(id, caller.client(), identity.hasRole("admin"), caller.actor()).map(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/{id}")
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        return webhooks.own(id, partner()).map(s -> SubscriptionView.of(s.orElseThrow(() -> notFound(id))));
    }

    /** A paused subscription starts again; its waiting deliveries go out now. */
    @POST
    @Path("/{id}/resume")
    public Uni<SubscriptionView> resume(@PathParam("id") UUID id) {
        return webhooks.resume(id, partner()).map(s -> SubscriptionView.of(s.orElseThrow(() -> notFound(id))));
    }

    /** Every delivery attempt, oldest first, paged. */
    @GET
    @Path("/{id}/deliveries")
    public Uni<Page<AttemptView>> deliveries(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                             @QueryParam("limit") Integer limit) {
        int max = Cursors.limit(limit);
        return webhooks.attempts(id, partner(), SeqCursors.position(cursor, 0), max + 1)
                .map(rows -> page(rows.orElseThrow(() -> notFound(id)), max, AttemptView::of, WebhookAttempt::seq));
    }

    /** {@code rows} holds one more than a page when more follow: then the page gets a cursor after its last item. */
    private static <T, V> Page<V> page(List<T> rows, int max, Function<T, V> view, ToLongFunction<T> seq) {
        List<V> items = rows.stream().limit(max).map(view).toList();
        return new Page<>(items, rows.size() > max ? SeqCursors.of(seq.applyAsLong(rows.get(max - 1))) : null);
    }

    private String partner() {
        return Caller.of(identity).client();
    }

    private static ApiProblem notFound(UUID id) {
        return ApiProblem.notFound("subscription " + id);
    }

    /** A hub named by id or slug (hub ids derive from slugs). */
    static UUID hubId(String idOrSlug) {
        try {
            return UUID.fromString(idOrSlug);
        } catch (IllegalArgumentException notAnId) {
            return HubIds.idOf(idOrSlug);
        }
    }
}
