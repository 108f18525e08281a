package org.tredegar.dashboard.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.logistics.v1.DeliveryCompleted;
import org.tredegar.contracts.logistics.v1.DeliveryFailed;
import org.tredegar.contracts.logistics.v1.DeliveryScheduled;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.logistics.v1.StockAdjusted;
import org.tredegar.contracts.logistics.v1.StockReceived;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.contracts.requests.v1.RequestInProgress;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestReopened;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestTriaged;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.contracts.volunteers.v1.OfferDeclined;
import org.tredegar.contracts.volunteers.v1.OfferExpired;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import org.tredegar.platform.inbox.IncomingEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.tredegar.dashboard.persistence.Statements.run;

/**
 * Folds one event into the read models. Every statement merges by the event's own time (GREATEST, LEAST,
 * last-writer-wins with a fixed tie-break) or inserts a fact keyed by its identity, so that duplicates and events
 * of different aggregates arriving in any order leave the same rows. Counts are derived from these rows.
 * Known types it does not use are counted in {@code ignored_event}; unknown types never get here (the inbox
 * dead-letters them).
 */
@ApplicationScoped
public class ReadModelProjector {
    /** Category/urgency sources: a coordinator's triage beats what escalation repeats, which beats intake. */
    static final int FROM_SUBMISSION = 1;
    static final int FROM_ESCALATION = 2;
    static final int FROM_TRIAGE = 3;

    @Inject
    MeterRegistry meters;

    /** Bumped on every applied event, so snapshot caches know when to recompute. */
    private final AtomicLong version = new AtomicLong();

    public long version() {
        return version.get();
    }

    public Uni<Void> apply(IncomingEvent event) {
        return project(event).invoke(version::incrementAndGet);
    }

    private Uni<Void> project(IncomingEvent event) {
        Object data = event.data();
        // Requests
        if (data instanceof RequestSubmitted e) {
            return submitted(e, at(e.occurredAt(), event));
        }
        if (data instanceof RequestTriaged e) {
            Instant at = at(e.occurredAt(), event);
            return classify(e.requestId(), e.hubId(), e.category(), e.urgency(), at, FROM_TRIAGE)
                    .chain(() -> step(e.requestId(), e.hubId(), "triaged_at", at));
        }
        if (data instanceof RequestEscalated e) {
            return escalated(e, at(e.occurredAt(), event));
        }
        if (data instanceof RequestMatched e) {
            Instant at = at(e.occurredAt(), event);
            return step(e.requestId(), e.hubId(), "matched_at", at)
                    .chain(() -> firstMatch(e.requestId(), e.hubId(), at))
                    .chain(() -> holder(e.requestId(), e.hubId(), e.volunteerId(), at))
                    .chain(() -> active(e.volunteerId(), e.hubId(), at));
        }
        if (data instanceof RequestInProgress e) {
            Instant at = at(e.occurredAt(), event);
            return step(e.requestId(), e.hubId(), "in_progress_at", at)
                    .chain(() -> holder(e.requestId(), e.hubId(), e.volunteerId(), at))
                    .chain(() -> active(e.volunteerId(), e.hubId(), at));
        }
        if (data instanceof RequestFulfilled e) {
            Instant at = at(e.occurredAt(), event);
            Uni<Void> done = step(e.requestId(), e.hubId(), "fulfilled_at", at);
            return e.volunteerId() == null ? done : done.chain(() -> active(e.volunteerId(), e.hubId(), at));
        }
        if (data instanceof RequestCancelled e) {
            return step(e.requestId(), e.hubId(), "cancelled_at", at(e.occurredAt(), event));
        }
        if (data instanceof RequestClosed e) {
            return step(e.requestId(), e.hubId(), "closed_at", at(e.occurredAt(), event));
        }
        if (data instanceof RequestReopened e) {
            return step(e.requestId(), e.hubId(), "reopened_at", at(e.occurredAt(), event));
        }
        // Volunteers
        if (data instanceof VolunteerRegistered e) {
            // First registration is kept; the home cell is the latest registration's (ties: the larger point).
            String newer = "(volunteer_state.home_at IS NULL OR (EXCLUDED.home_at, EXCLUDED.home_lat, EXCLUDED.home_lon) > "
                    + "(volunteer_state.home_at, volunteer_state.home_lat, volunteer_state.home_lon))";
            Instant at = at(e.occurredAt(), event);
            if (e.homeCell() == null) {
                return run("INSERT INTO volunteer_state (volunteer_id, hub_id, registered_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (volunteer_id) DO UPDATE SET registered_at = "
                        + "LEAST(volunteer_state.registered_at, EXCLUDED.registered_at)", e.volunteerId(), e.hubId(), at)
                        .replaceWithVoid();
            }
            return run("INSERT INTO volunteer_state (volunteer_id, hub_id, registered_at, home_lat, home_lon, home_at) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (volunteer_id) DO UPDATE SET registered_at = "
                    + "LEAST(volunteer_state.registered_at, EXCLUDED.registered_at), "
                    + "home_lat = CASE WHEN " + newer + " THEN EXCLUDED.home_lat ELSE volunteer_state.home_lat END, "
                    + "home_lon = CASE WHEN " + newer + " THEN EXCLUDED.home_lon ELSE volunteer_state.home_lon END, "
                    + "home_at = CASE WHEN " + newer + " THEN EXCLUDED.home_at ELSE volunteer_state.home_at END",
                    e.volunteerId(), e.hubId(), at, e.homeCell().lat(), e.homeCell().lon(), at).replaceWithVoid();
        }
        if (data instanceof VolunteerAvailabilityChanged e) {
            // Last writer wins on the event time; at the same instant "on duty" wins, so order cannot matter.
            return run("INSERT INTO volunteer_state (volunteer_id, hub_id, on_duty, duty_at) VALUES (?1, ?2, ?3, ?4) "
                    + "ON CONFLICT (volunteer_id) DO UPDATE SET on_duty = CASE "
                    + "WHEN volunteer_state.duty_at IS NULL OR EXCLUDED.duty_at > volunteer_state.duty_at THEN EXCLUDED.on_duty "
                    + "WHEN EXCLUDED.duty_at = volunteer_state.duty_at THEN volunteer_state.on_duty OR EXCLUDED.on_duty "
                    + "ELSE volunteer_state.on_duty END, duty_at = GREATEST(volunteer_state.duty_at, EXCLUDED.duty_at)",
                    e.volunteerId(), e.hubId(), e.onDuty(), at(e.occurredAt(), event)).replaceWithVoid();
        }
        if (data instanceof OfferMade e) {
            return run("INSERT INTO offer_state (offer_id, request_id, hub_id, volunteer_id, made_at, expires_at) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (offer_id) DO UPDATE SET "
                    + "made_at = LEAST(offer_state.made_at, EXCLUDED.made_at), expires_at = EXCLUDED.expires_at",
                    e.offerId(), e.requestId(), e.hubId(), e.volunteerId(), at(e.occurredAt(), event),
                    e.expiresAt() == null ? at(e.occurredAt(), event) : e.expiresAt()).replaceWithVoid();
        }
        if (data instanceof OfferAccepted e) {
            Instant at = at(e.occurredAt(), event);
            return answered(e.offerId(), e.requestId(), e.hubId(), e.volunteerId(), "accepted", at)
                    .chain(() -> active(e.volunteerId(), e.hubId(), at));
        }
        if (data instanceof OfferDeclined e) {
            return answered(e.offerId(), e.requestId(), e.hubId(), e.volunteerId(), "declined", at(e.occurredAt(), event));
        }
        if (data instanceof OfferExpired e) {
            return answered(e.offerId(), e.requestId(), e.hubId(), e.volunteerId(), "expired", at(e.occurredAt(), event));
        }
        if (data instanceof AssignmentCompleted e) {
            return active(e.volunteerId(), e.hubId(), at(e.occurredAt(), event));
        }
        if (data instanceof AssignmentReleased e) {
            return step(e.requestId(), e.hubId(), "released_at", at(e.occurredAt(), event));
        }
        // Logistics
        if (data instanceof StockReceived e) {
            return movement(event.id(), e.locationId(), e.hubId(), e.item().slug(), e.quantity(), at(e.occurredAt(), event));
        }
        if (data instanceof StockAdjusted e) {
            return movement(event.id(), e.locationId(), e.hubId(), e.item().slug(), e.delta(), at(e.occurredAt(), event));
        }
        if (data instanceof StockReserved e) {
            return reserved(e, at(e.occurredAt(), event));
        }
        if (data instanceof ReservationReleased e) {
            return run("INSERT INTO reservation_release (reservation_id, released_at) VALUES (?1, ?2) "
                    + "ON CONFLICT (reservation_id) DO UPDATE SET released_at = "
                    + "LEAST(reservation_release.released_at, EXCLUDED.released_at)",
                    e.reservationId(), at(e.occurredAt(), event)).replaceWithVoid();
        }
        if (data instanceof ReservationFailed e) {
            return step(e.requestId(), e.hubId(), "reservation_failed_at", at(e.occurredAt(), event));
        }
        if (data instanceof DeliveryScheduled e) {
            Instant at = at(e.occurredAt(), event);
            return delivery(e.deliveryId(), e.requestId(), e.hubId(), "scheduled_at", at, "")
                    .chain(() -> e.volunteerId() == null ? Uni.createFrom().voidItem() : active(e.volunteerId(), e.hubId(), at));
        }
        if (data instanceof DeliveryCompleted e) {
            return delivery(e.deliveryId(), e.requestId(), e.hubId(), "completed_at", at(e.occurredAt(), event), "");
        }
        if (data instanceof DeliveryFailed e) {
            return delivery(e.deliveryId(), e.requestId(), e.hubId(), "failed_at", at(e.occurredAt(), event),
                    e.reason() == null ? "" : e.reason());
        }
        if (data instanceof LowStock e) {
            return run("INSERT INTO stock_report (location_id, item, hub_id, available, minimum, reported_at) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (location_id, item) DO UPDATE SET "
                    + "available = EXCLUDED.available, minimum = EXCLUDED.minimum, reported_at = EXCLUDED.reported_at "
                    + "WHERE (EXCLUDED.reported_at, EXCLUDED.available) > (stock_report.reported_at, stock_report.available)",
                    e.locationId(), e.item().slug(), e.hubId(), e.available(), e.minimum(), at(e.occurredAt(), event))
                    .replaceWithVoid();
        }
        // Notifications
        if (data instanceof NotificationSent e) {
            return notification(e.notificationId(), e.hubId(), e.kind(), e.channel(), "sent", at(e.occurredAt(), event));
        }
        if (data instanceof NotificationFailed e) {
            return notification(e.notificationId(), e.hubId(), e.kind(), e.channel(), "failed", at(e.occurredAt(), event));
        }
        return ignored(event);
    }

    private Uni<Void> submitted(RequestSubmitted e, Instant at) {
        Uni<Void> chain = classify(e.requestId(), e.hubId(), e.category(), e.urgency(), at, FROM_SUBMISSION)
                .chain(() -> run("UPDATE request_state SET submitted_at = LEAST(submitted_at, ?2) WHERE request_id = ?1",
                        e.requestId(), at).replaceWithVoid());
        if (e.area() != null && !e.area().isBlank()) {
            chain = chain.chain(() -> run("UPDATE request_state SET area = ?2 WHERE request_id = ?1 AND area IS NULL",
                    e.requestId(), e.area()).replaceWithVoid());
        }
        if (e.location() != null) {
            // Already approximate (about 110 m) in the event; only the operator map uses it, per ~1 km cell.
            chain = chain.chain(() -> run("UPDATE request_state SET lat = ?2, lon = ?3 WHERE request_id = ?1 AND lat IS NULL",
                    e.requestId(), e.location().lat(), e.location().lon()).replaceWithVoid());
        }
        for (ItemQuantity line : e.items()) {
            chain = chain.chain(() -> run("INSERT INTO request_item (request_id, item, hub_id, quantity) VALUES (?1, ?2, ?3, ?4) "
                    + "ON CONFLICT DO NOTHING", e.requestId(), line.item().slug(), e.hubId(), line.quantity()).replaceWithVoid());
        }
        return chain;
    }

    private Uni<Void> escalated(RequestEscalated e, Instant at) {
        return classify(e.requestId(), e.hubId(), e.category(), e.urgency(), at, FROM_ESCALATION)
                .chain(() -> run("UPDATE request_state SET escalation_level = GREATEST(escalation_level, ?2), "
                        + "escalated_at = GREATEST(escalated_at, ?3) WHERE request_id = ?1", e.requestId(), e.level(), at))
                .chain(() -> run("INSERT INTO escalation (request_id, level, hub_id, occurred_at) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (request_id, level) DO UPDATE SET occurred_at = LEAST(escalation.occurred_at, EXCLUDED.occurred_at)",
                        e.requestId(), e.level(), e.hubId(), at))
                .replaceWithVoid();
    }

    /** Creates the row if needed and takes category/urgency if this source is newer (or ranks higher at the same time). */
    private Uni<Void> classify(UUID requestId, UUID hubId, HelpCategory category, Urgency urgency, Instant at, int rank) {
        String newer = "(request_state.class_at IS NULL OR (EXCLUDED.class_at, EXCLUDED.class_rank) > "
                + "(request_state.class_at, request_state.class_rank))";
        return run("INSERT INTO request_state (request_id, hub_id, category, urgency, class_at, class_rank) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (request_id) DO UPDATE SET "
                        + "category = CASE WHEN " + newer + " THEN EXCLUDED.category ELSE request_state.category END, "
                        + "urgency = CASE WHEN " + newer + " THEN EXCLUDED.urgency ELSE request_state.urgency END, "
                        + "class_rank = CASE WHEN " + newer + " THEN EXCLUDED.class_rank ELSE request_state.class_rank END, "
                        + "class_at = CASE WHEN " + newer + " THEN EXCLUDED.class_at ELSE request_state.class_at END",
                requestId, hubId, category.slug(), urgency.slug(), at, rank).replaceWithVoid();
    }

    /** The latest time a lifecycle step was seen; the status is whichever step is latest. */
    private Uni<Void> step(UUID requestId, UUID hubId, String column, Instant at) {
        return run("INSERT INTO request_state (request_id, hub_id, " + column + ") VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (request_id) DO UPDATE SET " + column + " = GREATEST(request_state." + column
                + ", EXCLUDED." + column + ")", requestId, hubId, at).replaceWithVoid();
    }

    private Uni<Void> firstMatch(UUID requestId, UUID hubId, Instant at) {
        return run("UPDATE request_state SET first_matched_at = LEAST(first_matched_at, ?2) WHERE request_id = ?1",
                requestId, at).replaceWithVoid();
    }

    /** Who holds the request: the volunteer of the latest match or start (ties: the larger id, arbitrary but fixed). */
    private Uni<Void> holder(UUID requestId, UUID hubId, UUID volunteerId, Instant at) {
        if (volunteerId == null) {
            return Uni.createFrom().voidItem();
        }
        return run("UPDATE request_state SET holder_id = ?2, holder_at = ?3 WHERE request_id = ?1 AND "
                + "(holder_at IS NULL OR (CAST(?3 AS timestamptz), CAST(?2 AS uuid)) > (holder_at, holder_id))",
                requestId, volunteerId, at).replaceWithVoid();
    }

    private Uni<Void> active(UUID volunteerId, UUID hubId, Instant at) {
        if (volunteerId == null) {
            return Uni.createFrom().voidItem();
        }
        return run("INSERT INTO volunteer_activity (volunteer_id, hub_id, day) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                volunteerId, hubId, at.atZone(ZoneOffset.UTC).toLocalDate()).replaceWithVoid();
    }

    private Uni<Void> answered(UUID offerId, UUID requestId, UUID hubId, UUID volunteerId, String outcome, Instant at) {
        return run("INSERT INTO offer_state (offer_id, request_id, hub_id, volunteer_id, answered_at, outcome) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (offer_id) DO UPDATE SET "
                + "answered_at = EXCLUDED.answered_at, outcome = EXCLUDED.outcome "
                + "WHERE offer_state.answered_at IS NULL "
                + "OR (EXCLUDED.answered_at, EXCLUDED.outcome) > (offer_state.answered_at, offer_state.outcome)",
                offerId, requestId, hubId, volunteerId, at, outcome).replaceWithVoid();
    }

    private Uni<Void> movement(String eventId, UUID locationId, UUID hubId, String item, int delta, Instant at) {
        return run("INSERT INTO stock_movement (movement_id, location_id, item, hub_id, delta, occurred_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING", eventId, locationId, item, hubId, delta, at)
                .replaceWithVoid();
    }

    private Uni<Void> reserved(StockReserved e, Instant at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StockReserved.ReservedLine line : e.lines()) {
            chain = chain.chain(() -> run("INSERT INTO reservation_line (reservation_id, location_id, item, hub_id, "
                            + "request_id, quantity, reserved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
                    e.reservationId(), line.locationId(), line.item().slug(), e.hubId(), e.requestId(), line.quantity(), at)
                    .replaceWithVoid());
        }
        return chain;
    }

    private Uni<Void> delivery(UUID deliveryId, UUID requestId, UUID hubId, String column, Instant at, String reason) {
        return run("INSERT INTO delivery_state (delivery_id, request_id, hub_id, " + column + ", reason) "
                + "VALUES (?1, ?2, ?3, ?4, NULLIF(?5, '')) ON CONFLICT (delivery_id) DO UPDATE SET " + column
                + " = GREATEST(delivery_state." + column + ", EXCLUDED." + column + "), "
                + "reason = COALESCE(EXCLUDED.reason, delivery_state.reason)", deliveryId, requestId, hubId, at, reason)
                .replaceWithVoid();
    }

    private Uni<Void> notification(UUID id, UUID hubId, String kind, String channel, String outcome, Instant at) {
        return run("INSERT INTO notification_outcome (notification_id, hub_id, kind, channel, outcome, occurred_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (notification_id) DO UPDATE SET "
                + "outcome = EXCLUDED.outcome, occurred_at = EXCLUDED.occurred_at "
                + "WHERE (EXCLUDED.occurred_at, EXCLUDED.outcome) > (notification_outcome.occurred_at, notification_outcome.outcome)",
                id, hubId, kind, channel, outcome, at).replaceWithVoid();
    }

    private Uni<Void> ignored(IncomingEvent event) {
        meters.counter("tredegar.dashboard.ignored", "type", event.type().name()).increment();
        return run("INSERT INTO ignored_event (event_type, events, last_at) VALUES (?1, 1, ?2) "
                + "ON CONFLICT (event_type) DO UPDATE SET events = ignored_event.events + 1, "
                + "last_at = GREATEST(ignored_event.last_at, EXCLUDED.last_at)", event.type().type(), event.time())
                .replaceWithVoid();
    }

    private static Instant at(Instant occurredAt, IncomingEvent event) {
        return occurredAt != null ? occurredAt : event.time();
    }
}
