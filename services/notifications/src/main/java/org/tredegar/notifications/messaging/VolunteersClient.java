package org.tredegar.notifications.messaging;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.tredegar.platform.code.OneTimeCode;

import java.util.UUID;

/**
 * The volunteers service: contact details at send time, one-time codes (sign-up confirmation), and offer answers
 * and duty switches given by SMS on a volunteer's behalf.
 */
@RegisterRestClient(configKey = "volunteers")
@OidcClientFilter
@Path("/api/v1")
public interface VolunteersClient {
    @GET
    @Path("/volunteers/{id}/contact")
    Uni<Contact> contact(@PathParam("id") UUID volunteerId);

    /** A code to send (e.g. to confirm a sign-up): the address, the code, its language and expiry. */
    @GET
    @Path("/one-time-codes/{id}")
    Uni<OneTimeCode> oneTimeCode(@PathParam("id") UUID codeId);

    @POST
    @Path("/offers/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> accept(@PathParam("id") UUID offerId, AnsweredBy answer);

    @POST
    @Path("/offers/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> decline(@PathParam("id") UUID offerId, AnsweredBy answer);

    /** "OFF" / "ON" texted by a volunteer: switched by the number they texted from; 404 when nobody has it. */
    @PUT
    @Path("/volunteers/duty-by-contact")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Duty> dutyByContact(DutyByContact change);

    /** DONE by text: the task is finished, for the volunteer named (the volunteers service checks it is theirs). */
    @POST
    @Path("/assignments/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> complete(@PathParam("id") UUID assignmentId, CompletedBy by);

    /** CAN'T by text: the task goes back, without blame, and is offered to others. */
    @POST
    @Path("/assignments/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> release(@PathParam("id") UUID assignmentId, ReleasedBy by);

    record CompletedBy(UUID volunteerId) {
    }

    record ReleasedBy(UUID volunteerId, String reason) {
    }

    record DutyByContact(String channel, String value, boolean onDuty) {
    }

    record Duty(UUID volunteerId, boolean onDuty, String language) {
    }

    /** Who answered and how: the volunteers service checks the offer is theirs. */
    record AnsweredBy(UUID volunteerId, String via) {
    }
}
