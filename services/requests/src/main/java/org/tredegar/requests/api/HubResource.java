package org.tredegar.requests.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.paging.Page;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.domain.HubDirectory;
import org.tredegar.requests.domain.RequestIntake;
import org.tredegar.requests.domain.RequestQueue;

import java.util.List;
import java.util.function.Function;

@Path("/api/v1/hubs")
@Produces(MediaType.APPLICATION_JSON)
public class HubResource {
    @Inject
    HubDirectory hubs;
    @Inject
    RequestQueue queue;
    @Inject
    RequestIntake intake;
    @Inject
    RequestViews views;
    @Inject
    SecurityIdentity identity;

    @GET
    @PermitAll
    public Uni<List<HubView>> list() {
        return hubs.all().map(all -> all.stream().map(HubView::of).toList());
    }

    @GET
    @Path("/{hubId}")
    @PermitAll
    public Uni<HubView> get(@PathParam("hubId") String hubId) {
        return hubs.find(hubId).map(HubView::of);
    }

    /** The hub's queue: by urgency, then by how long people have waited. Nothing else orders it. */
    @GET
    @Path("/{hubId}/requests")
    @RolesAllowed({"coordinator", "operator", "admin"})
    public Uni<Page<RequestView>> queue(@PathParam("hubId") String hubId,
                                        @QueryParam("status") String status,
                                        @QueryParam("category") String category,
                                        @QueryParam("cursor") String cursor,
                                        @QueryParam("limit") Integer limit) {
        RequestStatus wantedStatus = slug("status", status, RequestStatus::fromSlug);
        HelpCategory wantedCategory = slug("category", category, HelpCategory::fromSlug);
        int pageSize = Cursors.limit(limit);
        return hubs.find(hubId).chain(hub -> {
            HubAccess.requireMember(identity, hub.slug());
            return Panache.withSession(() -> queue.page(hub.id(), wantedStatus, wantedCategory, cursor, pageSize));
        }).map(page -> new Page<>(page.items().stream().map(views::queued).toList(), page.nextCursor()));
    }

    /** Query values are slugs ("debris-cleanup"); an unknown one is a 400 naming the parameter, not a 404. */
    private static <T> T slug(String name, String value, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField(name, "'" + value + "' is not a known " + name);
        }
    }

    /** Hotline entry: a coordinator types in what a caller asked for. */
    @POST
    @Path("/{hubId}/requests")
    @RolesAllowed("coordinator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> hotline(@PathParam("hubId") String hubId,
                                 @NotNull(message = "a JSON body is required") @Valid SubmitRequest body) {
        return hubs.find(hubId).chain(hub -> {
            HubAccess.requireMember(identity, hub.slug());
            return intake.submit(body.toRequestForHelp(),
                    new RequestIntake.Origin(IntakeChannel.HOTLINE, Caller.of(identity).actor(), null, null));
        }).map(receipt -> Response.accepted(SubmitAccepted.of(receipt)).build());
    }
}
