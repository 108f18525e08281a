package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.model.GeoPoint;
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
import org.tredegar.platform.audit.AuditTrail;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.RequestTransitionEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every change of a request's status: checked against {@link RequestLifecycle}, recorded with its actor, and
 * published through the outbox in the same transaction. Matches, cancellations and closures also go into the
 * hub's audit trail in that transaction, so the hub can see who decided what (ids only, never free text).
 */
@ApplicationScoped
public class RequestTransitions {
    /** The reasons recorded when the person answers the follow-up question (on the tracking page or by text). */
    public static final String STILL_NEEDS_HELP = "follow-up answer: still needs help";
    public static final String HELP_ARRIVED = "follow-up answer: help arrived";

    @Inject
    OutboxWriter outbox;
    @Inject
    EscalationPolicy escalation;
    @Inject
    AuditTrail audit;
    @Inject
    HubDirectory hubs;

    @ConfigProperty(name = "tredegar.follow-up.after", defaultValue = "P3D")
    Duration followUpAfter;

    /**
     * {@code place} (null: unchanged) replaces where the help is needed: a point and/or an area. RequestTriaged does not
     * carry it (its schema has no place); volunteers' matching sees it with the next RequestEscalated.
     */
    public Uni<HelpRequestEntity> triage(UUID id, HelpCategory category, Urgency urgency, RequestForHelp.Place place,
                                         String actor) {
        return move(id, RequestStatus.TRIAGED, actor, "triaged", r -> {
            requireFrom(r, "triage", RequestStatus.SUBMITTED, RequestStatus.TRIAGED, RequestStatus.ESCALATED);
            if (category != null) {
                r.category = category;
            }
            if (place != null) {
                r.lat = place.lat();
                r.lon = place.lon();
                r.area = place.area();
                r.outsideHubArea = outside(r.hubId, place);
            }
            if (urgency != null) {
                r.urgency = urgency;
                r.urgencyRank = Priority.rank(urgency);
                r.escalateAt = escalation.next(urgency, Instant.now());
            }
            return new RequestTriaged(r.id, r.hubId, r.category, r.urgency, actor, Instant.now());
        });
    }

    public Uni<HelpRequestEntity> matched(UUID id, UUID assignmentId, UUID volunteerId, String actor) {
        return move(id, RequestStatus.MATCHED, actor, "offer accepted", "match", r -> {
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
            // Finished: the contact's erasure clock starts now (the follow-up comes well before it).
            r.closedAt = Instant.now();
            return new RequestFulfilled(r.id, r.hubId, r.volunteerId, Instant.now());
        });
    }

    public Uni<HelpRequestEntity> cancel(UUID id, String reason, String actor) {
        return move(id, RequestStatus.CANCELLED, actor, reason, "cancel", r -> {
            r.closedAt = Instant.now();
            r.escalateAt = null;
            return new RequestCancelled(r.id, r.hubId, reason, actor, Instant.now());
        });
    }

    public Uni<HelpRequestEntity> close(UUID id, String reason, String actor) {
        return move(id, RequestStatus.CLOSED, actor, reason, "close", r -> {
            r.closedAt = Instant.now();
            r.escalateAt = null;
            r.followUpAt = null;
            return new RequestClosed(r.id, r.hubId, reason, Instant.now());
        });
    }

    /** Back into the queue: a released assignment, a "still need help" reply, or a coordinator's decision. */
    public Uni<HelpRequestEntity> reopen(UUID id, String reason, String actor) {
        return move(id, RequestStatus.TRIAGED, actor, reason, r -> {
            requireFrom(r, "reopen", RequestStatus.MATCHED, RequestStatus.IN_PROGRESS, RequestStatus.FULFILLED,
                    RequestStatus.CANCELLED, RequestStatus.CLOSED);
            r.closedAt = null;
            r.followUpAt = null;
            r.volunteerId = null;
            r.assignmentId = null;
            r.escalationLevel = 0;
            r.escalateAt = escalation.next(r.urgency, Instant.now());
            return new RequestReopened(r.id, r.hubId, reason, Instant.now());
        });
    }

    private Uni<HelpRequestEntity> move(UUID id, RequestStatus to, String actor, String reason,
                                        Function<HelpRequestEntity, TredegarEvent> change) {
        return move(id, to, actor, reason, null, null, change);
    }

    /** {@code auditAction} non-null: the step is also appended to the hub's audit trail, in the same transaction. */
    Uni<HelpRequestEntity> move(UUID id, RequestStatus to, String actor, String reason, String auditAction,
                                Function<HelpRequestEntity, TredegarEvent> change) {
        return move(id, to, actor, reason, auditAction, null, change);
    }

    /** {@code auditExtra}: more ids for the audit entry's detail (e.g. the request a duplicate was merged into). */
    Uni<HelpRequestEntity> move(UUID id, RequestStatus to, String actor, String reason, String auditAction,
                                String auditExtra, Function<HelpRequestEntity, TredegarEvent> change) {
        return Panache.withTransaction(() -> HelpRequestEntity.<HelpRequestEntity>findById(id)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("request " + id))
                .chain(r -> {
                    RequestStatus from = r.status;
                    RequestLifecycle.require(from, to);
                    TredegarEvent event = change.apply(r);
                    r.status = to;
                    r.updatedAt = Instant.now();
                    return RequestTransitionEntity.of(r.id, from, to, actor, reason).persist()
                            .chain(() -> outbox.append(event))
                            .chain(() -> auditAction == null ? Uni.createFrom().voidItem()
                                    : audit.record(r.hubId, actor, auditAction, r.id.toString(),
                                    auditDetail(from, r) + (auditExtra == null ? "" : " " + auditExtra)))
                            .replaceWith(r);
                }));
    }

    /** Whether a point lies outside its hub's areas (an area or postcode alone is taken as the hub's own). */
    private boolean outside(UUID hubId, RequestForHelp.Place place) {
        List<Hub> loaded = hubs.current();
        if (place.lat() == null || place.lon() == null || loaded == null) {
            return false;
        }
        GeoPoint point = new GeoPoint(place.lat(), place.lon());
        return loaded.stream().filter(h -> h.id().equals(hubId)).findFirst().map(h -> !h.covers(point)).orElse(false);
    }

    /**
     * Triage and reopen both lead to "triaged" but from different places: triaging a finished request or
     * reopening one still waiting would hide what really happened.
     */
    private static void requireFrom(HelpRequestEntity r, String action, RequestStatus... allowed) {
        if (!List.of(allowed).contains(r.status)) {
            throw ApiProblem.conflict("illegal-transition", "a request that is " + r.status.slug() + " cannot be " + action
                    + (action.endsWith("e") ? "d" : "ed"));
        }
    }

    /** Ids and statuses only: a coordinator's reason is free text and may name people, so it stays out. */
    private static String auditDetail(RequestStatus from, HelpRequestEntity r) {
        String detail = "from=" + from.slug();
        if (r.assignmentId != null && r.status == RequestStatus.MATCHED) {
            detail += " assignment=" + r.assignmentId + " volunteer=" + r.volunteerId;
        }
        return detail;
    }
}
