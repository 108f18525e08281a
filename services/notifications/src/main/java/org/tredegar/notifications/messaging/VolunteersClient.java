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

    record DutyByContact(String channel, String value, boolean onDuty) {
    }

    record Duty(UUID volunteerId, boolean onDuty, String language) {
    }

    /** Who answered and how: the volunteers service checks the offer is theirs. */
    record AnsweredBy(UUID volunteerId, String via) {
    }
}
