package org.tredegar.dashboard.api.people;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The requests service's public API, as anyone without an account calls it: the site asks and tracks on the
 * person's behalf, with nothing of its own added. Answers come back whole (status and problem body, the default
 * exception mapping is off) so that each refusal can be told to the person at the right field.
 */
@RegisterRestClient(configKey = "requests")
@Path("/api/v1/requests")
public interface RequestsApi {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> submit(@HeaderParam("Idempotency-Key") String formKey, @HeaderParam("X-Forwarded-For") String client,
                         String json);

    @GET
    @Path("/track/{code}")
    Uni<Response> track(@PathParam("code") String code, @HeaderParam("X-Forwarded-For") String client);

    @POST
    @Path("/track/{code}/cancel")
    Uni<Response> cancel(@PathParam("code") String code, @HeaderParam("X-Forwarded-For") String client);

    @DELETE
    @Path("/track/{code}/contact")
    Uni<Response> eraseContact(@PathParam("code") String code, @HeaderParam("Erasure-Code") String erasureCode,
                               @HeaderParam("X-Forwarded-For") String client);
}
