package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.contracts.requests.v1.RequestInProgress;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestReopened;
import org.tredegar.contracts.requests.v1.RequestTriaged;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.RequestTransitionEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every change of a request's status: checked against {@link RequestLifecycle}, recorded with its actor, and
 * published through the outbox in the same transaction.
 */
@ApplicationScoped
public class RequestTransitions {
    @Inject
    OutboxWriter outbox;
    @Inject
    EscalationPolicy escalation;

    @ConfigProperty(name = "tredegar.follow-up.after", defaultValue = "P3D")
    Duration followUpAfter;

    public Uni<HelpRequestEntity> triage(UUID id, HelpCategory category, Urgency urgency, String actor) {
        return move(id, RequestStatus.TRIAGED, actor, "triaged", r -> {
            if (category != null) {
                r.category = category.slug();
            }
            if (urgency != null) {
                r.urgency = urgency.slug();
                r.urgencyRank = Priority.rank(urgency);
                r.escalateAt = escalation.next(urgency, Instant.now());
            }
            return new RequestTriaged(r.id, r.hubId, HelpCategory.fromSlug(r.category), Urgency.fromSlug(r.urgency),
                    actor, Instant.now());
        });
    }

    public Uni<HelpRequestEntity> matched(UUID id, UUID assignmentId, UUID volunteerId, String actor) {
        return move(id, RequestStatus.MATCHED, actor, "offer accepted", r -> {
            r.assignmentId = assignmentId;
            r.volunteerId = volunteerId;
            r.escalateAt = null;
            return new RequestMatched(r.id, r.hubId, assignmentId, volunteerId, Instant.now());
        });
    }

    public Uni<HelpRequestEntity> start(UUID id, String actor) {
        return move(id, RequestStatus.IN_PROGRESS, actor, "started",
                r -> new RequestInProgress(r.id, r.hubId, r.volunteerId, Instant.now()));
    }

    public Uni<HelpRequestEntity> fulfil(UUID id, String actor) {
        return move(id, RequestStatus.FULFILLED, actor, "fulfilled", r -> {
            r.followUpAt = Instant.now().plus(followUpAfter);
            return new RequestFulfilled(r.id, r.hubId, r.volunteerId, Instant.now());
        });
    }

    public Uni<HelpRequestEntity> cancel(UUID id, String reason, String actor) {
        return move(id, RequestStatus.CANCELLED, actor, reason, r -> {
            r.closedAt = Instant.now();
            r.escalateAt = null;
            return new RequestCancelled(r.id, r.hubId, reason, actor, Instant.now());
        });
    }

    public Uni<HelpRequestEntity> close(UUID id, String reason, String actor) {
        return move(id, RequestStatus.CLOSED, actor, reason, r -> {
            r.closedAt = Instant.now();
            r.escalateAt = null;
            r.followUpAt = null;
            return new RequestClosed(r.id, r.hubId, reason, Instant.now());
        });
    }

    /** Back into the queue: a released assignment, a "still need help" reply, or a coordinator's decision. */
    public Uni<HelpRequestEntity> reopen(UUID id, String reason, String actor) {
        return move(id, RequestStatus.TRIAGED, actor, reason, r -> {
            r.closedAt = null;
            r.followUpAt = null;
            r.volunteerId = null;
            r.assignmentId = null;
            r.escalationLevel = 0;
            r.escalateAt = escalation.next(Urgency.fromSlug(r.urgency), Instant.now());
            return new RequestReopened(r.id, r.hubId, reason, Instant.now());
        });
    }

    private Uni<HelpRequestEntity> move(UUID id, RequestStatus to, String actor, String reason,
                                        Function<HelpRequestEntity, TredegarEvent> change) {
        return Panache.withTransaction(() -> HelpRequestEntity.<HelpRequestEntity>findById(id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("request " + id))
                .chain(r -> {
                    RequestStatus from = RequestStatus.fromSlug(r.status);
                    RequestLifecycle.require(from, to);
                    TredegarEvent event = change.apply(r);
                    r.status = to.slug();
                    r.updatedAt = Instant.now();
                    return RequestTransitionEntity.of(r.id, from.slug(), to.slug(), actor, reason).persist()
                            .chain(() -> outbox.append(event))
                            .replaceWith(r);
                }));
    }
}
