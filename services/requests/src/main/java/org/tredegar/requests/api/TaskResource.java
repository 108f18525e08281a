package org.tredegar.requests.api;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.domain.TaskSheet;
import org.tredegar.requests.persistence.HelpRequestEntity;

import java.util.UUID;

/**
 * The task for the volunteer doing it: for the volunteer assigned (the same rule as their contact read) and for the
 * notifications service, which texts it to them; only while it runs; every read audited ({@code task-read}).
 */
@Path("/api/v1/requests/{id}/task")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"service", "volunteer"})
public class TaskResource {
    @Inject
    TaskSheet tasks;
    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<TaskView> read(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> HelpRequestEntity.<HelpRequestEntity>findById(id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("request " + id))
                .chain(r -> {
                    if (!mayRead(r)) {
                        throw ApiProblem.forbidden("only the volunteer assigned to this request may read its task");
                    }
                    return tasks.open(r, Caller.of(identity).actor());
                })).map(TaskView::of);
    }

    private boolean mayRead(HelpRequestEntity r) {
        return identity.hasRole("service") || (r.volunteerId != null
                && Caller.of(identity).subjectUuid().map(r.volunteerId::equals).orElse(false));
    }
}
