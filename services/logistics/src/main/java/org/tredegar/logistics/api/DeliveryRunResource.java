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
import org.tredegar.logistics.domain.DeliveryRuns;
import org.tredegar.platform.hub.HubAccess;
import org.tredegar.platform.paging.Cursors;
import org.tredegar.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1/hubs/{hubId}/delivery-runs")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryRunResource {
    @Inject
    DeliveryRuns runs;
    @Inject
    SecurityIdentity identity;

    /** {@code date} is a UTC day (YYYY-MM-DD), today if left out. */
    @GET
    @RolesAllowed({"coordinator", "volunteer"})
    public Uni<DeliveryRunsView> runs(@PathParam("hubId") String hub, @QueryParam("date") String date,
                                      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        UUID hubId = HubAccess.requireMemberOf(identity, hub);
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badField("date", "must be a day like 2025-11-21");
        }
        int pageSize = Cursors.limit(limit);
        int offset = CursorParts.offset(cursor);
        return runs.plan(hubId, day).map(plan -> DeliveryRunsView.of(hubId, day, plan, offset, pageSize));
    }
}
