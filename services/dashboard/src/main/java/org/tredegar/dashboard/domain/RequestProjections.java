package org.tredegar.dashboard.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.contracts.requests.v1.RequestInProgress;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestReopened;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestTriaged;
import org.tredegar.dashboard.persistence.Escalations;
import org.tredegar.dashboard.persistence.RequestItems;
import org.tredegar.dashboard.persistence.RequestStates;
import org.tredegar.dashboard.persistence.RequestStates.Step;
import org.tredegar.dashboard.persistence.VolunteerActivity;

import java.time.Instant;
import java.util.UUID;

/**
 * Events of tredegar.requests.v1: a request's class (category, urgency), its steps, who holds it. RequestUpdated,
 * RequestsMerged and FollowUpDue change no figure and are counted as ignored.
 */
@ApplicationScoped
class RequestProjections {
    /** Category/urgency sources: a coordinator's triage beats what escalation repeats, which beats intake. */
    static final int FROM_SUBMISSION = 1;
    static final int FROM_ESCALATION = 2;
    static final int FROM_TRIAGE = 3;

    @Inject
    RequestStates requests;
    @Inject
    RequestItems items;
    @Inject
    Escalations escalations;
    @Inject
    VolunteerActivity activity;

    void register(ProjectionTable table) {
        table.on(RequestSubmitted.class, RequestSubmitted::occurredAt, (e, at, envelope) -> submitted(e, at))
                .on(RequestTriaged.class, RequestTriaged::occurredAt, (e, at, envelope) -> requests.classify(e.requestId(),
                                e.hubId(), e.category().slug(), e.urgency().slug(), at, FROM_TRIAGE)
                        .chain(() -> requests.step(e.requestId(), e.hubId(), Step.TRIAGED, at)))
                .on(RequestEscalated.class, RequestEscalated::occurredAt, (e, at, envelope) -> requests.classify(e.requestId(),
                                e.hubId(), e.category().slug(), e.urgency().slug(), at, FROM_ESCALATION)
                        .chain(() -> requests.escalated(e.requestId(), e.level(), at))
                        .chain(() -> escalations.reached(e.requestId(), e.level(), e.hubId(), at)))
                .on(RequestMatched.class, RequestMatched::occurredAt, (e, at, envelope) ->
                        requests.step(e.requestId(), e.hubId(), Step.MATCHED, at)
                                .chain(() -> requests.firstMatch(e.requestId(), at))
                                .chain(() -> held(e.requestId(), e.hubId(), e.volunteerId(), at)))
                .on(RequestInProgress.class, RequestInProgress::occurredAt, (e, at, envelope) ->
                        requests.step(e.requestId(), e.hubId(), Step.IN_PROGRESS, at)
                                .chain(() -> held(e.requestId(), e.hubId(), e.volunteerId(), at)))
                .on(RequestFulfilled.class, RequestFulfilled::occurredAt, (e, at, envelope) ->
                        requests.step(e.requestId(), e.hubId(), Step.FULFILLED, at)
                                .chain(() -> activity.active(e.volunteerId(), e.hubId(), at)))
                .on(RequestCancelled.class, RequestCancelled::occurredAt, (e, at, envelope) ->
                        requests.step(e.requestId(), e.hubId(), Step.CANCELLED, at))
                .on(RequestClosed.class, RequestClosed::occurredAt, (e, at, envelope) ->
                        requests.step(e.requestId(), e.hubId(), Step.CLOSED, at))
                .on(RequestReopened.class, RequestReopened::occurredAt, (e, at, envelope) ->
                        requests.step(e.requestId(), e.hubId(), Step.REOPENED, at));
    }

    private Uni<Void> submitted(RequestSubmitted e, Instant at) {
        Uni<Void> chain = requests.classify(e.requestId(), e.hubId(), e.category().slug(), e.urgency().slug(), at,
                        FROM_SUBMISSION)
                .chain(() -> requests.submittedAt(e.requestId(), at));
        if (e.area() != null && !e.area().isBlank()) {
            chain = chain.chain(() -> requests.area(e.requestId(), e.area()));
        }
        if (e.location() != null) {
            chain = chain.chain(() -> requests.place(e.requestId(), e.location().lat(), e.location().lon()));
        }
        for (ItemQuantity line : e.items()) {
            chain = chain.chain(() -> items.asked(e.requestId(), e.hubId(), line.item().slug(), line.quantity()));
        }
        return chain;
    }

    /** A match or start: the volunteer holds the request, and was active that day. */
    private Uni<Void> held(UUID requestId, UUID hubId, UUID volunteerId, Instant at) {
        if (volunteerId == null) {
            return Uni.createFrom().voidItem();
        }
        return requests.holder(requestId, volunteerId, at).chain(() -> activity.active(volunteerId, hubId, at));
    }
}
