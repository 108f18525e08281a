package org.tredegar.logistics.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.domain.StockLedger;
import org.tredegar.logistics.domain.StockTransfers;
import org.tredegar.platform.problem.ApiProblem;

import java.util.UUID;

/** Stock changes at one location, by a coordinator of the location's hub. */
@Path("/api/v1/locations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("coordinator")
public class LocationStockResource {
    @Inject
    StockLedger ledger;
    @Inject
    StockTransfers transfers;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/receipts")
    public Uni<Response> receive(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid NewReceipt body) {
        return ledger.receive(id, body.donor(), body.toLines(), Actors.of(identity))
                .map(receipt -> Response.status(Response.Status.CREATED).entity(ReceiptView.of(receipt)).build());
    }

    @POST
    @Path("/adjustments")
    public Uni<AdjustmentView> adjust(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid NewAdjustment body) {
        return ledger.adjust(id, body.toAdjustment(), Actors.of(identity)).map(applied -> AdjustmentView.of(id, applied));
    }

    @POST
    @Path("/transfers")
    public Uni<TransferView> transfer(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid NewTransfer body) {
        return transfers.transfer(id, body.toLocationId(), body.toLines(), Actors.of(identity))
                .map(moved -> TransferView.of(id, body.toLocationId(), moved));
    }

    @PUT
    @Path("/minimums/{item}")
    public Uni<Response> minimum(@PathParam("id") UUID id, @PathParam("item") String item,
                                 @NotNull(message = "a JSON body is required") @Valid NewMinimum body) {
        ItemSlug slug;
        try {
            slug = ItemSlug.fromSlug(item);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("item", e.getMessage());
        }
        return ledger.setMinimum(id, slug, body.minimum(), Actors.of(identity))
                .map(ignored -> Response.noContent().build());
    }
}
