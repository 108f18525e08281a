package org.tredegar.requests.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.platform.web.ratelimit.RateLimited;
import org.tredegar.requests.domain.Actors;
import org.tredegar.requests.domain.HubDirectory;
import org.tredegar.requests.domain.RequestIntake;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.RequestContactEntity;

import java.util.UUID;

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {
    @Inject
    RequestIntake intake;
    @Inject
    RequestViews views;
    @Inject
    HubDirectory hubs;
    @Inject
    SecurityIdentity identity;

    /**
     * Public intake: no account needed, and nothing about the person beyond what the help needs. A partner token
     * makes the {@code Idempotency-Key} header count: a retry returns the first result.
     */
    @POST
    @PermitAll
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(202)
    public Uni<SubmitAccepted> submit(@NotNull(message = "a JSON body is required") @Valid SubmitRequest body,
                                      @HeaderParam("Idempotency-Key") @Size(max = 128) String idempotencyKey) {
        Caller caller = Caller.of(identity);
        RequestIntake.Origin origin = identity.hasRole("partner")
                ? new RequestIntake.Origin(IntakeChannel.PARTNER, caller.actor(), caller.client(), idempotencyKey)
                : webOrigin(idempotencyKey);
        return intake.submit(body.toRequestForHelp(), origin).map(SubmitAccepted::of);
    }

    /**
     * Someone asking without an account (the web form): a key counts only when it is a random UUID, as the site's
     * form puts one in each form it serves, so a second press of "send" or a resent form returns the first request
     * (and its tracking code) instead of making another. A key anyone could guess would hand out someone's code.
     */
    private static RequestIntake.Origin webOrigin(String idempotencyKey) {
        if (idempotencyKey == null) {
            return RequestIntake.Origin.requester(IntakeChannel.WEB);
        }
        if (!WEB_KEY.matcher(idempotencyKey).matches()) {
            throw ApiProblem.badField("Idempotency-Key", "without a partner token, the key must be a random UUID");
        }
        return new RequestIntake.Origin(IntakeChannel.WEB, Actors.REQUESTER, WEB_CLIENT, idempotencyKey.toLowerCase(java.util.Locale.ROOT));
    }

    /** The idempotency keys of people asking without an account share this one client name. */
    static final String WEB_CLIENT = "web";
    private static final java.util.regex.Pattern WEB_KEY =
            java.util.regex.Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$");

    /**
     * The hub's coordinators (and operators/admins of that hub) see the whole request; partners of the hub see it
     * without contact and with an approximate place; the assigned volunteer sees what the task needs.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({"coordinator", "operator", "admin", "partner", "volunteer"})
    public Uni<RequestView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> HelpRequestEntity.<HelpRequestEntity>findById(id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("request " + id))
                .chain(r -> hubs.byId(r.hubId).chain(hub -> {
                    String slug = hub.map(h -> h.slug()).orElse("");
                    boolean member = HubAccess.isMember(identity, slug);
                    boolean assigned = identity.hasRole("volunteer") && r.volunteerId != null
                            && Caller.of(identity).subjectUuid().map(r.volunteerId::equals).orElse(false);
                    if (member && (identity.hasRole("coordinator") || identity.hasRole("operator") || identity.hasRole("admin"))) {
                        return RequestContactEntity.<RequestContactEntity>findById(r.id)
                                .map(c -> views.full(r, c == null ? null : c.channel));
                    }
                    if (assigned) {
                        return Uni.createFrom().item(views.full(r, null));
                    }
                    if (member && identity.hasRole("partner")) {
                        return Uni.createFrom().item(views.forPartner(r));
                    }
                    throw ApiProblem.forbidden("this request belongs to a hub you do not act for");
                })));
    }
}
