package org.tredegar.requests.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.domain.HubDirectory;
import org.tredegar.requests.domain.RequestDuplicates;
import org.tredegar.requests.domain.RequestForHelp;
import org.tredegar.requests.domain.RequestTransitions;
import org.tredegar.requests.persistence.HelpRequestEntity;

import java.util.UUID;
import java.util.function.Supplier;

/** A coordinator's decisions on a request of their hub. Each is recorded with who took it, and published. */
@Path("/api/v1/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("coordinator")
public class TransitionResource {
    @Inject
    RequestTransitions transitions;
    @Inject
    RequestDuplicates duplicates;
    @Inject
    RequestViews views;
    @Inject
    HubDirectory hubs;
    @Inject
    SecurityIdentity identity;

    /**
     * Each part optional: what is needed, how soon, and where ({@code location}: a point and/or an area, postcode or
     * landmark; e.g. for a request by text whose place the person could not name).
     */
    public record Triage(HelpCategory category, Urgency urgency, @Valid SubmitRequest.Location location) {
    }

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    public record Merge(@NotNull UUID into) {
    }

    @POST
    @Path("/triage")
    public Uni<RequestView> triage(@PathParam("id") UUID id, @Valid Triage body) {
        Triage t = body == null ? new Triage(null, null, null) : body;
        RequestForHelp.Place place = t.location() == null ? null
                : new RequestForHelp.Place(t.location().lat(), t.location().lon(), blankToNull(t.location().area()));
        return guarded(id, () -> transitions.triage(id, t.category(), t.urgency(), place, actor()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @POST
    @Path("/start")
    public Uni<RequestView> start(@PathParam("id") UUID id) {
        return guarded(id, () -> transitions.start(id, actor()));
    }

    @POST
    @Path("/fulfil")
    public Uni<RequestView> fulfil(@PathParam("id") UUID id) {
        return guarded(id, () -> transitions.fulfil(id, actor()));
    }

    @POST
    @Path("/cancel")
    public Uni<RequestView> cancel(@PathParam("id") UUID id, @NotNull(message = "a JSON body with a reason is required") @Valid Reason body) {
        return guarded(id, () -> transitions.cancel(id, body.reason(), actor()));
    }

    @POST
    @Path("/close")
    public Uni<RequestView> close(@PathParam("id") UUID id, @NotNull(message = "a JSON body with a reason is required") @Valid Reason body) {
        return guarded(id, () -> transitions.close(id, body.reason(), actor()));
    }

    @POST
    @Path("/reopen")
    public Uni<RequestView> reopen(@PathParam("id") UUID id, @NotNull(message = "a JSON body with a reason is required") @Valid Reason body) {
        return guarded(id, () -> transitions.reopen(id, body.reason(), actor()));
    }

    /** Closes this request as a duplicate of {@code into}; the hub sees RequestsMerged. */
    @POST
    @Path("/merge")
    public Uni<RequestView> merge(@PathParam("id") UUID id, @NotNull(message = "a JSON body with into is required") @Valid Merge body) {
        return guarded(id, () -> duplicates.merge(id, body.into(), actor()));
    }

    /** Not a duplicate after all: the link goes, both requests stay. */
    @POST
    @Path("/split")
    public Uni<RequestView> split(@PathParam("id") UUID id) {
        return guarded(id, () -> duplicates.split(id, actor()));
    }

    private String actor() {
        return Caller.of(identity).actor();
    }

    /** Checks the coordinator acts for the request's hub before anything changes. */
    private Uni<RequestView> guarded(UUID id, Supplier<Uni<HelpRequestEntity>> action) {
        return Panache.withSession(() -> HelpRequestEntity.<HelpRequestEntity>findById(id))
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("request " + id))
                .chain(r -> hubs.byId(r.hubId))
                .invoke(hub -> HubAccess.requireMember(identity, hub.map(h -> h.slug()).orElse("")))
                .chain(hub -> action.get())
                .map(r -> views.full(r, null));
    }
}
