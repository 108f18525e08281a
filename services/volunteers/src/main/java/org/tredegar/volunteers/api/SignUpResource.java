package org.tredegar.volunteers.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.platform.problem.Problem;
import org.tredegar.platform.web.ratelimit.RateLimited;
import org.tredegar.volunteers.domain.CodeSignUps;
import org.tredegar.volunteers.domain.SignUpConfirmations;

import java.util.List;
import java.util.UUID;

/**
 * Sign-up with just a phone number or email, no account: public (no token) and limited per client address. The
 * code itself goes to the contact (the notifications service sends it), never back to the caller.
 */
@Path("/api/v1/volunteers/sign-ups")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@RateLimited
public class SignUpResource {
    @Inject
    CodeSignUps signUps;
    @Inject
    SignUpConfirmations confirmations;

    /** 202 with the sign-up id: the same answer whether or not the contact already belongs to a volunteer. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> signUp(@NotNull(message = "a JSON body is required") @Valid CodeSignUp body) {
        return signUps.start(body.profile(), body.language()).map(a -> Response.accepted(new SignUpAccepted(a.signUpId(), a.expiresAt()))
                .header("Location", "/api/v1/volunteers/sign-ups/" + a.signUpId()).build());
    }

    /**
     * The code from the text or email: 201 with the new volunteer's id; 200 with the same id when confirmed before
     * or when the contact already belonged to a volunteer. Wrong code 400, too many wrong codes 429, expired 410.
     */
    @POST
    @Path("/{signUpId}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> confirm(@PathParam("signUpId") UUID signUpId,
                                 @NotNull(message = "a JSON body with the code is required") @Valid CodeAnswer answer) {
        return confirmations.confirm(signUpId, answer.code()).map(c -> switch (c.outcome()) {
            case CREATED -> Response.status(201).header("Location", "/api/v1/volunteers/" + c.volunteerId())
                    .entity(new SignUpConfirmed(c.volunteerId())).build();
            case ALREADY -> Response.ok(new SignUpConfirmed(c.volunteerId())).build();
            case WRONG_CODE -> throw new ApiProblem(400, "wrong-one-time-code", "Wrong code",
                    c.triesLeft() > 0 ? "that is not the code we sent; " + c.triesLeft() + " tries left" : "that is not the code we sent",
                    List.of(new Problem.FieldError("code", "is not the code we sent")));
            case LOCKED -> throw new ApiProblem(429, "sign-up-locked", "Too many wrong codes",
                    "this sign-up is locked after too many wrong codes; sign up again to be sent a new code");
            case EXPIRED -> throw new ApiProblem(410, "one-time-code-expired", "Code expired",
                    "the code has expired; sign up again to be sent a new one");
            case NOT_FOUND -> throw ApiProblem.notFound("sign-up " + signUpId);
        });
    }
}
