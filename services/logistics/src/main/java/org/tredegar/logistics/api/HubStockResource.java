package org.tredegar.logistics.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tredegar.logistics.domain.LocationItem;
import org.tredegar.logistics.domain.StockLevels;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.paging.Page;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/hubs/{hubId}/stock")
@Produces(MediaType.APPLICATION_JSON)
public class HubStockResource {
    @Inject
    StockLevels levels;
    @Inject
    SecurityIdentity identity;

    /** Per location and item: on hand, reserved, available, earliest expiry, minimum. */
    @GET
    @RolesAllowed({"coordinator", "operator", "admin"})
    public Uni<Page<StockLineView>> stock(@PathParam("hubId") String hub, @QueryParam("cursor") String cursor,
                                          @QueryParam("limit") Integer limit) {
        UUID hubId = HubAccess.requireMemberOf(identity, hub);
        int pageSize = Cursors.limit(limit);
        List<String> after = Cursors.decode(cursor, 2);
        LocationItem from = after.isEmpty() ? null : new LocationItem(CursorParts.uuid(after.get(0)), after.get(1));
        return levels.page(hubId, from, pageSize).map(found -> Page.of(found.stream().map(StockLineView::of).toList(),
                pageSize, last -> Cursors.encode(last.locationId().toString(), last.item())));
    }
}
