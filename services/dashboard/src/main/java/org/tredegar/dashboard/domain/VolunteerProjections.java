package org.tredegar.dashboard.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.contracts.volunteers.v1.OfferDeclined;
import org.tredegar.contracts.volunteers.v1.OfferExpired;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import org.tredegar.dashboard.persistence.OfferStates;
import org.tredegar.dashboard.persistence.RequestStates;
import org.tredegar.dashboard.persistence.VolunteerActivity;
import org.tredegar.dashboard.persistence.VolunteerStates;

/** Events of tredegar.volunteers.v1: who is registered and on duty, offers and their outcomes, active days. */
@ApplicationScoped
class VolunteerProjections {
    @Inject
    VolunteerStates volunteers;
    @Inject
    VolunteerActivity activity;
    @Inject
    OfferStates offers;
    @Inject
    RequestStates requests;

    void register(ProjectionTable table) {
        table.on(VolunteerRegistered.class, VolunteerRegistered::occurredAt, (e, at, envelope) -> e.homeCell() == null
                        ? volunteers.registered(e.volunteerId(), e.hubId(), at)
                        : volunteers.registeredAt(e.volunteerId(), e.hubId(), at, e.homeCell().lat(), e.homeCell().lon()))
                .on(VolunteerAvailabilityChanged.class, VolunteerAvailabilityChanged::occurredAt, (e, at, envelope) ->
                        volunteers.duty(e.volunteerId(), e.hubId(), e.onDuty(), at))
                // An offer without an expiry lapses at once: it is not counted as waiting for an answer.
                .on(OfferMade.class, OfferMade::occurredAt, (e, at, envelope) -> offers.made(e.offerId(), e.requestId(),
                        e.hubId(), e.volunteerId(), at, e.expiresAt() == null ? at : e.expiresAt()))
                .on(OfferAccepted.class, OfferAccepted::occurredAt, (e, at, envelope) -> offers.answered(e.offerId(),
                                e.requestId(), e.hubId(), e.volunteerId(), OfferOutcome.ACCEPTED, at)
                        .chain(() -> activity.active(e.volunteerId(), e.hubId(), at)))
                .on(OfferDeclined.class, OfferDeclined::occurredAt, (e, at, envelope) -> offers.answered(e.offerId(),
                        e.requestId(), e.hubId(), e.volunteerId(), OfferOutcome.DECLINED, at))
                .on(OfferExpired.class, OfferExpired::occurredAt, (e, at, envelope) -> offers.answered(e.offerId(),
                        e.requestId(), e.hubId(), e.volunteerId(), OfferOutcome.EXPIRED, at))
                .on(AssignmentCompleted.class, AssignmentCompleted::occurredAt, (e, at, envelope) ->
                        activity.active(e.volunteerId(), e.hubId(), at))
                .on(AssignmentReleased.class, AssignmentReleased::occurredAt, (e, at, envelope) ->
                        requests.step(e.requestId(), e.hubId(), RequestStates.Step.RELEASED, at));
    }
}
