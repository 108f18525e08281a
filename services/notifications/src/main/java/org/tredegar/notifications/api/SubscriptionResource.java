package org.tredegar.notifications.api;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.Topics;
import org.tredegar.notifications.domain.TimeSource;
import org.tredegar.notifications.webhooks.SubscriptionEntity;
import org.tredegar.notifications.webhooks.UrlGuard;
import org.tredegar.notifications.webhooks.WebhookFanout;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Partner webhooks: a partner subscribes its own URL to event types of the hubs it acts for, lists and deletes its
 * own; operators and admins list all of them, admins may delete any. Someone else's subscription answers 404, like
 * one that does not exist. The secret is never answered.
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("partner")
public class SubscriptionResource {
    /** What this service consumes, and so can forward. */
    static final Set<String> FORWARDED_TOPICS = Set.of(Topics.REQUESTS, Topics.VOLUNTEERS, Topics.LOGISTICS);

    @Inject
    SecurityIdentity identity;
    @Inject
    UrlGuard urls;
    @Inject
    ContactCipher cipher;
    @Inject
    TimeSource clock;
    @Inject
    AuditTrail audit;

    public record SubscribeRequest(String url, List<String> eventTypes, List<String> hubs, String secret) {
    }

    /** A subscription as the API shows it: never its secret. {@code partner} is the owning OAuth client. */
    public record SubscriptionView(UUID id, String partner, String url, List<String> eventTypes, List<UUID> hubs,
                                   String status, String statusReason, int consecutiveFailures, Instant createdAt) {
        static SubscriptionView of(SubscriptionEntity s) {
            return new SubscriptionView(s.id, s.partner, s.url, s.eventTypeList(), s.hubIdList(), s.status, s.statusReason,
                    s.consecutiveFailures, s.createdAt);
        }
    }

    public record AttemptView(UUID deliveryId, String eventId, String eventType, int attempt, Instant attemptedAt,
                              Integer statusCode, String outcome, String error, long durationMs, Instant nextAttemptAt) {
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
            boolean known = type != null && !WebhookFanout.NOT_FORWARDED.contains(type)
                    && EventCatalog.byType(type).filter(t -> FORWARDED_TOPICS.contains(t.topic())).isPresent();
            if (!known) {
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
        Instant now = clock.now();
        SubscriptionEntity s = new SubscriptionEntity();
        s.id = UUID.randomUUID();
        s.partner = Callers.client(identity);
        s.url = body.url();
        s.eventTypes = String.join(",", new LinkedHashSet<>(body.eventTypes()));
        s.hubIds = String.join(",", hubIds.stream().map(UUID::toString).toList());
        ContactCipher.Sealed sealed = cipher.seal(body.secret(), "subscription:" + s.id);
        s.secretKeyId = sealed.keyId();
        s.secretNonce = sealed.nonce();
        s.secretCiphertext = sealed.ciphertext();
        s.status = SubscriptionEntity.ACTIVE;
        s.createdAt = now;
        s.updatedAt = now;
        return Panache.withTransaction(s::persist)
                .map(saved -> Response.created(URI.create("/api/v1/subscriptions/" + s.id)).entity(SubscriptionView.of(s)).build());
    }

    /**
     * Subscriptions, oldest first, paged: a partner's own; every partner's for operators and admins. {@code hub} (id
     * or slug) keeps those that include that hub.
     */
    @GET
    @RolesAllowed({"partner", "operator", "admin"})
    public Uni<Paging.Page<SubscriptionView>> list(@QueryParam("hub") String hub, @QueryParam("cursor") String cursor,
                                                   @QueryParam("limit") Integer limit) {
        int max = Paging.limit(limit);
        long after = Paging.after(cursor);
        boolean seesAll = identity.hasRole("admin") || identity.hasRole("operator");
        StringBuilder query = new StringBuilder("deletedAt is null and seq > :after");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("after", after);
        if (!seesAll) {
            query.append(" and partner = :partner");
            params.and("partner", Callers.client(identity));
        }
        if (hub != null && !hub.isBlank()) {
            query.append(" and hubIds like :hub");
            params.and("hub", "%" + hubId(hub.strip()) + "%");
        }
        query.append(" order by seq");
        return Panache.withSession(() -> SubscriptionEntity.<SubscriptionEntity>find(query.toString(), params)
                        .page(0, max + 1).list())
                .map(rows -> {
                    List<SubscriptionView> items = rows.stream().limit(max).map(SubscriptionView::of).toList();
                    String next = rows.size() > max ? Paging.cursor(rows.get(max - 1).seq) : null;
                    return new Paging.Page<>(items, next);
                });
    }

    /**
     * Stops deliveries for good: waiting deliveries are cancelled, the sealed secret is wiped, and the subscription
     * is no longer listed or readable. Its partner or an admin; anyone else gets 404. Audited in each of its hubs.
     */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({"partner", "admin"})
    public Uni<Response> delete(@PathParam("id") UUID id) {
        boolean admin = identity.hasRole("admin");
        String caller = Callers.client(identity);
        return Panache.withTransaction(() -> SubscriptionEntity.<SubscriptionEntity>findById(id).chain(s -> {
            if (s == null || s.deletedAt != null || !(admin || s.partner.equals(caller))) {
                throw ApiProblem.notFound("subscription " + id);
            }
            Instant now = clock.now();
            s.status = SubscriptionEntity.DELETED;
            s.statusReason = null;
            s.deletedAt = now;
            s.updatedAt = now;
            s.secretKeyId = "";
            s.secretNonce = new byte[0];
            s.secretCiphertext = new byte[0];
            Uni<Void> chain = Panache.getSession().chain(session -> session.createNativeQuery(
                            "UPDATE webhook_deliveries SET status = 'cancelled' WHERE subscription_id = ?1 AND status = 'pending'")
                    .setParameter(1, id).executeUpdate()).replaceWithVoid();
            for (UUID hubId : s.hubIdList()) {
                chain = chain.chain(() -> audit.record(hubId, Callers.actor(identity), "subscription.deleted", id.toString(),
                        "partner " + s.partner).replaceWithVoid());
            }
            return chain;
        })).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{id}")
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> own(id)).map(SubscriptionView::of);
    }

    /** A paused subscription starts again; its waiting deliveries go out now. */
    @POST
    @Path("/{id}/resume")
    public Uni<SubscriptionView> resume(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> own(id).chain(s -> {
            s.status = SubscriptionEntity.ACTIVE;
            s.statusReason = null;
            s.consecutiveFailures = 0;
            s.updatedAt = clock.now();
            return Panache.getSession().chain(session -> session.createNativeQuery(
                            "UPDATE webhook_deliveries SET next_attempt_at = ?2 WHERE subscription_id = ?1 AND status = 'pending'")
                    .setParameter(1, id).setParameter(2, java.time.OffsetDateTime.ofInstant(s.updatedAt, java.time.ZoneOffset.UTC))
                    .executeUpdate()).replaceWith(SubscriptionView.of(s));
        }));
    }

    /** Every delivery attempt, oldest first, paged. */
    @GET
    @Path("/{id}/deliveries")
    public Uni<Paging.Page<AttemptView>> deliveries(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
                                                    @QueryParam("limit") Integer limit) {
        int max = Paging.limit(limit);
        long after = Paging.after(cursor);
        return Panache.withSession(() -> own(id).chain(s -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT a.id, a.delivery_id, d.event_id, d.event_type, a.attempt, a.attempted_at, a.status_code, a.outcome, "
                                + "a.error, a.duration_ms, a.next_attempt_at FROM webhook_attempts a JOIN webhook_deliveries d "
                                + "ON d.id = a.delivery_id WHERE a.subscription_id = ?1 AND a.id > ?2 ORDER BY a.id LIMIT ?3", Object[].class)
                .setParameter(1, id).setParameter(2, after).setParameter(3, max + 1).getResultList())))
                .map(rows -> {
                    List<AttemptView> items = rows.stream().limit(max).map(r -> new AttemptView((UUID) r[1], (String) r[2],
                            (String) r[3], ((Number) r[4]).intValue(), instant(r[5]), r[6] == null ? null : ((Number) r[6]).intValue(),
                            (String) r[7], (String) r[8], ((Number) r[9]).longValue(), r[10] == null ? null : instant(r[10]))).toList();
                    String next = rows.size() > max ? Paging.cursor(((Number) rows.get(max - 1)[0]).longValue()) : null;
                    return new Paging.Page<>(items, next);
                });
    }

    /** Another partner's subscription answers 404, like one that does not exist. */
    private Uni<SubscriptionEntity> own(UUID id) {
        String partner = Callers.client(identity);
        return SubscriptionEntity.<SubscriptionEntity>findById(id)
                .map(s -> {
                    if (s == null || s.deletedAt != null || !s.partner.equals(partner)) {
                        throw ApiProblem.notFound("subscription " + id);
                    }
                    return s;
                });
    }

    /** A hub named by id or slug (hub ids derive from slugs). */
    static UUID hubId(String idOrSlug) {
        try {
            return UUID.fromString(idOrSlug);
        } catch (IllegalArgumentException notAnId) {
            return HubIds.idOf(idOrSlug);
        }
    }

    static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
    }

}
