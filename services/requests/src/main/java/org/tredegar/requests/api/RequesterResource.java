package org.tredegar.requests.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.platform.web.ratelimit.RateLimited;
import org.tredegar.requests.domain.Actors;
import org.tredegar.requests.domain.ContactErasure;
import org.tredegar.requests.domain.RequestTransitions;
import org.tredegar.requests.domain.TrackingCodes;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.HelpRequests;

import java.time.Instant;

/** What the person who asked can do with their tracking code alone: answer the follow-up, erase their contact. */
@Path("/api/v1/requests/track/{trackingCode}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@RateLimited
public class RequesterResource {
    @Inject
    RequestTransitions transitions;
    @Inject
    ContactErasure erasure;
    @Inject
    RequestViews views;
    @Inject
    HelpRequests requests;

    public record FollowUpAnswer(@NotNull Boolean stillNeedHelp) {
    }

    public record CodeRequested(String status, Instant expiresAt, String detail) {
    }

    /** Status and next step, nothing else, no login. */
    @GET
    public Uni<TrackingView> track(@PathParam("trackingCode") @Size(max = 20) String trackingCode) {
        return find(trackingCode).map(views::tracking);
    }

    /** "Do you still need help?" — yes reopens the request, no closes it. Only after it was fulfilled. */
    @POST
    @Path("/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TrackingView> followUp(@PathParam("trackingCode") @Size(max = 20) String trackingCode,
                                      @NotNull(message = "a JSON body with stillNeedHelp is required") @Valid FollowUpAnswer answer) {
        return find(trackingCode).chain(r -> {
            if (r.status != RequestStatus.FULFILLED) {
                throw ApiProblem.conflict("not-fulfilled", "the follow-up question is only for requests marked as done");
            }
            return answer.stillNeedHelp()
                    ? transitions.reopen(r.id, RequestTransitions.STILL_NEEDS_HELP, Actors.REQUESTER)
                    : transitions.close(r.id, RequestTransitions.HELP_ARRIVED, Actors.REQUESTER);
        }).map(views::tracking);
    }

    /**
     * "I don't need it any more": the person who asked cancels with their tracking code alone, while the request is
     * still open (a volunteer already on the way is told by the usual cancellation event). Cancelling again is a
     * no-op that answers the same view, so a double click or a resent form does no harm.
     */
    @POST
    @Path("/cancel")
    public Uni<TrackingView> cancel(@PathParam("trackingCode") @Size(max = 20) String trackingCode) {
        return find(trackingCode).chain(r -> switch (r.status) {
            case CANCELLED -> Uni.createFrom().item(r);
            case FULFILLED, CLOSED -> throw ApiProblem.conflict("already-finished", "this request is already finished");
            default -> transitions.cancel(r.id, NO_LONGER_NEEDED, Actors.REQUESTER);
        }).map(views::tracking);
    }

    /** The reason recorded when the person who asked cancels. */
    static final String NO_LONGER_NEEDED = "the person who asked no longer needs it";

    /**
     * Erase my contact now. Without {@code Erasure-Code}: a one-time code is made for delivery to the contact on
     * file (202). With the right code: the contact is erased at once (204).
     */
    @DELETE
    @Path("/contact")
    public Uni<Response> eraseContact(@PathParam("trackingCode") @Size(max = 20) String trackingCode,
                                      @HeaderParam("Erasure-Code") @Pattern(regexp = "^\\s*[0-9]{6}\\s*$", message = "must be the 6-digit code") String code) {
        if (code == null) {
            return Panache.withTransaction(() -> find(trackingCode).chain(erasure::requestCode))
                    .map(expiresAt -> Response.accepted(new CodeRequested("code-requested", expiresAt,
                            "a one-time code goes to the contact we hold; send it back in the Erasure-Code header")).build());
        }
        return Panache.withTransaction(() -> find(trackingCode).chain(r -> erasure.confirm(r, code)))
                .map(outcome -> switch (outcome) {
                    case ERASED -> Response.noContent().build();
                    case WRONG_CODE -> throw ApiProblem.forbidden("that code is not right");
                    case NO_VALID_CODE -> throw ApiProblem.forbidden("no valid code: ask for a new one");
                });
    }

    private Uni<HelpRequestEntity> find(String trackingCode) {
        return Panache.withSession(() -> requests.byTrackingCode(TrackingCodes.normalise(trackingCode))
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("tracking code " + trackingCode)));
    }
}
