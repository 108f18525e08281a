package org.tredegar.volunteers.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.platform.caller.Caller;
import org.tredegar.platform.code.OneTimeCode;
import org.tredegar.volunteers.domain.SignUpSecrets;

import java.util.UUID;

/**
 * A one-time code and where to send it, for the notifications service at send time only (role {@code service},
 * after OneTimeCodeIssued). 404 unknown, 410 used/replaced/locked/expired. Each read is audited.
 */
@Path("/api/v1/one-time-codes")
@Produces(MediaType.APPLICATION_JSON)
public class OneTimeCodeResource {
    @Inject
    SignUpSecrets secrets;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{codeId}")
    @RolesAllowed("service")
    public Uni<OneTimeCode> code(@PathParam("codeId") UUID codeId) {
        return secrets.open(codeId, Caller.of(identity).actor());
    }
}
