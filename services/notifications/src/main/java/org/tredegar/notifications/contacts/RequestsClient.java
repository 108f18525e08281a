package org.tredegar.notifications.contacts;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** The requests service's audited contact endpoint, called with this service's own client-credentials token. */
@RegisterRestClient(configKey = "requests")
@OidcClientFilter
@Path("/api/v1/requests")
public interface RequestsClient {
    @GET
    @Path("/{id}/contact")
    Uni<Contact> contact(@PathParam("id") UUID requestId);
}
