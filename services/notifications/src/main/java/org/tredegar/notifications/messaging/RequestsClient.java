package org.tredegar.notifications.messaging;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.tredegar.platform.code.OneTimeCode;

import java.util.UUID;

/**
 * The requests service's audited contact endpoint and its one-time codes, called with this service's own
 * client-credentials token.
 */
@RegisterRestClient(configKey = "requests")
@OidcClientFilter
@Path("/api/v1")
public interface RequestsClient {
    @GET
    @Path("/requests/{id}/contact")
    Uni<Contact> contact(@PathParam("id") UUID requestId);

    /** A code to send (e.g. to confirm erasing a request): the address, the code, its language and expiry. */
    @GET
    @Path("/one-time-codes/{id}")
    Uni<OneTimeCode> oneTimeCode(@PathParam("id") UUID codeId);
}
