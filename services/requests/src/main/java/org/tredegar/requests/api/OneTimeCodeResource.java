package org.tredegar.requests.api;

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
import org.tredegar.platform.code.OneTimeCodes;
import org.tredegar.requests.domain.OneTimeCodeDelivery;

import java.util.UUID;

/**
 * Where the notifications service (role {@code service}, its client-credentials token) fetches a one-time code it
 * learnt of from OneTimeCodeIssued, with the contact to send it to. Every read is audited like any contact read.
 * 404: no such code; 410: used, replaced, voided or expired (ask the person to request a new one).
 */
@Path("/api/v1/one-time-codes/{codeId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("service")
public class OneTimeCodeResource {
    @Inject
    OneTimeCodeDelivery delivery;
    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<OneTimeCode> read(@PathParam("codeId") UUID codeId) {
        return delivery.deliver(codeId, Caller.of(identity).actor()).map(d -> {
            if (d.code() == null) {
                throw OneTimeCodes.gone(d.gone());
            }
            return d.code();
        });
    }
}
