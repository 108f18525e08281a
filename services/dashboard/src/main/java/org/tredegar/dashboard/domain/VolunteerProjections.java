package org.tredegar.dashboard.domain;

import io.smallrye.mutiny.Uni;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.contracts.volunteers.v1.OfferDeclined;
import org.tredegar.contracts.volunteers.v1.OfferExpired;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import org.tredegar.dashboard.persistence.RequestStates;
import org.tredegar.dashboard.persistence.VolunteerStates;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Events of tredegar.volunteers.v1: who is registered and on duty, offers and their outcomes, active days. */
final class VolunteerProjections {
    private VolunteerProjections() {
    }

    static void register(ProjectionTable table) {
        table.on(VolunteerRegistered.class, VolunteerRegistered::occurredAt, (e, at, envelope) -> e.homeCell() == null
                        ? VolunteerStates.registered(e.volunteerId(), e.hubId(), at)
                        : VolunteerStates.registeredAt(e.volunteerId(), e.hubId(), at, e.homeCell().lat(), e.homeCell().lon()))
                .on(VolunteerAvailabilityChanged.class, VolunteerAvailabilityChanged::occurredAt, (e, at, envelope) ->
                        VolunteerStates.duty(e.volunteerId(), e.hubId(), e.onDuty(), at))
                .on(OfferMade.class, OfferMade::occurredAt, (e, at, envelope) -> VolunteerStates.offerMade(e.offerId(), e.requestId(), e.hubId(),
                        e.volunteerId(), at, e.expiresAt() == null ? at : e.expiresAt()))
                .on(OfferAccepted.class, OfferAccepted::occurredAt, (e, at, envelope) -> VolunteerStates.offerAnswered(e.offerId(), e.requestId(),
                        e.hubId(), e.volunteerId(), "accepted", at).chain(() -> active(e.volunteerId(), e.hubId(), at)))
                .on(OfferDeclined.class, OfferDeclined::occurredAt, (e, at, envelope) -> VolunteerStates.offerAnswered(e.offerId(), e.requestId(),
                        e.hubId(), e.volunteerId(), "declined", at))
                .on(OfferExpired.class, OfferExpired::occurredAt, (e, at, envelope) -> VolunteerStates.offerAnswered(e.offerId(), e.requestId(),
                        e.hubId(), e.volunteerId(), "expired", at))
                .on(AssignmentCompleted.class, AssignmentCompleted::occurredAt, (e, at, envelope) -> active(e.volunteerId(), e.hubId(), at))
                .on(AssignmentReleased.class, AssignmentReleased::occurredAt, (e, at, envelope) ->
                        RequestStates.step(e.requestId(), e.hubId(), RequestStates.Step.RELEASED, at));
    }

    /** The volunteer did something that day (UTC): what the public "volunteers active" figure counts. */
    static Uni<Void> active(UUID volunteerId, UUID hubId, Instant at) {
        if (volunteerId == null) {
            return Uni.createFrom().voidItem();
        }
        return VolunteerStates.active(volunteerId, hubId, at.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
