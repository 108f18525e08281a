package org.tredegar.requests.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.TimeWindow;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.HelpRequestEntity;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the assigned volunteer needs to do the task, with the exact place (events carry it only to ~100 m). Like a
 * contact ({@link ContactBook}), it is handed out only while the task runs, and every read goes into the hub's
 * audit trail in the reader's transaction.
 */
@ApplicationScoped
public class TaskSheet {
    public static final String READ_ACTION = "task-read";
    public static final Set<RequestStatus> RUNNING = EnumSet.of(RequestStatus.MATCHED, RequestStatus.IN_PROGRESS);

    @Inject
    AuditTrail audit;

    /** {@code place} null when nothing about where is known; {@code label}: the area, postcode or landmark given. */
    public record Task(UUID requestId, UUID hubId, HelpCategory category, Urgency urgency, String description, Place place,
                       TimeWindow window, String language) {
    }

    public record Place(String label, Double latitude, Double longitude) {
    }

    /** Call inside a transaction, once the caller may read it. 409 {@code task-not-running} unless matched or in progress. */
    public Uni<Task> open(HelpRequestEntity r, String actor) {
        if (!RUNNING.contains(r.status)) {
            return Uni.createFrom().failure(ApiProblem.conflict("task-not-running",
                    "the task of a request that is " + r.status.slug() + " is not running"));
        }
        Place place = r.area == null && r.lat == null ? null : new Place(r.area, r.lat, r.lon);
        TimeWindow window = r.windowFrom == null ? null : new TimeWindow(r.windowFrom, r.windowTo == null ? r.windowFrom : r.windowTo);
        Task task = new Task(r.id, r.hubId, r.category, r.urgency, r.description, place, window, r.language);
        return audit.record(r.hubId, actor, READ_ACTION, r.id.toString(), "status=" + r.status.slug()).replaceWith(task);
    }
}
