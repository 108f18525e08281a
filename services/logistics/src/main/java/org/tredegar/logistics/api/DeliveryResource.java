package org.tredegar.logistics.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.logistics.domain.DeliveryProgress;

import java.util.UUID;

/** The assigned volunteer (token subject = volunteer id) or a coordinator of the hub marks a trip's progress. */
@Path("/api/v1/deliveries/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"volunteer", "coordinator"})
public class DeliveryResource {
    @Inject
    DeliveryProgress deliveries;
    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<DeliveryView> get(@PathParam("id") UUID id) {
        return deliveries.get(id, Actors.of(identity)).map(DeliveryView::of);
    }

    /** Body optional: what was actually taken, when less than reserved. */
    @POST
    @Path("/picked-up")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DeliveryView> pickedUp(@PathParam("id") UUID id, @Valid PickupReport body) {
        return deliveries.pickedUp(id, PickupReport.taken(body), Actors.of(identity)).map(DeliveryView::of);
    }

    @POST
    @Path("/delivered")
    public Uni<DeliveryView> delivered(@PathParam("id") UUID id) {
        return deliveries.delivered(id, Actors.of(identity)).map(DeliveryView::of);
    }

    @POST
    @Path("/failed")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DeliveryView> failed(@PathParam("id") UUID id, @NotNull(message = "a JSON body with a reason is required") @Valid FailureReport body) {
        return deliveries.failed(id, body.reason(), Actors.of(identity)).map(DeliveryView::of);
    }
}
