package org.tredegar.dashboard;

import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.logistics.v1.DeliveryCompleted;
import org.tredegar.contracts.logistics.v1.DeliveryFailed;
import org.tredegar.contracts.logistics.v1.DeliveryScheduled;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.logistics.v1.StockReceived;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.contracts.requests.v1.FollowUpDue;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.contracts.requests.v1.RequestInProgress;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestTriaged;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferDeclined;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A known history of one hub, starting 3 hours ago (t0): five requests, two volunteers, offers, stock and
 * messages. {@link #events()} is in the order things happened; tests send it in other orders.
 */
final class Scenario {
    final UUID hub = UUID.randomUUID();
    final Instant t0;
    final UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID(),
            e = UUID.randomUUID();
    final UUID v1 = UUID.randomUUID(), v2 = UUID.randomUUID();
    final UUID location = UUID.randomUUID();
    final UUID failedDelivery = UUID.randomUUID();
    final RequestMatched matchedA;
    final NotificationFailed failedEmail;
    private final List<TredegarEvent> events = new ArrayList<>();

    Scenario(Instant now) {
        t0 = now.minus(Duration.ofHours(3));
        add(new VolunteerRegistered(v1, hub, List.of(hub), new GeoPoint(51.773, -3.247), 5, List.of("driving"),
                List.of("en"), false, at(-24 * 60)));
        add(new VolunteerRegistered(v2, hub, List.of(hub), new GeoPoint(51.772, -3.246), 3, List.of(),
                List.of("en", "cy"), false, at(-24 * 60)));
        add(new StockReceived(location, hub, ItemSlug.FOOD_PARCEL, 10, null, at(-60)));
        add(new LowStock(location, hub, ItemSlug.BLANKET, 3, 10, at(0)));
        add(new VolunteerAvailabilityChanged(v1, hub, true, at(0)));
        add(submitted(a, Urgency.URGENT, HelpCategory.GROCERIES, "Georgetown", at(0), new ItemQuantity(ItemSlug.FOOD_PARCEL, 2)));
        add(submitted(b, Urgency.LIFE_SAFETY, HelpCategory.SHELTER, null, at(0)));
        add(submitted(c, Urgency.ROUTINE, HelpCategory.TRANSPORT, "Sirhowy", at(0)));
        add(submitted(d, Urgency.ROUTINE, HelpCategory.GROCERIES, null, at(0)));
        add(new VolunteerAvailabilityChanged(v2, hub, true, at(1)));
        add(new RequestTriaged(b, hub, HelpCategory.EVACUATION, Urgency.LIFE_SAFETY, "coordinator:x", at(5)));
        add(new RequestCancelled(d, hub, "no-longer-needed", null, at(5)));
        matchedA = new RequestMatched(a, hub, UUID.randomUUID(), v1, at(10));
        add(matchedA);
        add(new StockReceived(location, hub, ItemSlug.BLANKET, 4, null, at(10)));
        add(new NotificationSent(UUID.randomUUID(), hub, "offer", "sms", "volunteer", null, at(11)));
        add(new NotificationFailed(UUID.randomUUID(), hub, "offer", "sms", "volunteer", "unreachable", at(12)));
        UUID email = UUID.randomUUID();
        add(new NotificationSent(email, hub, "request-received", "email", "requester", null, at(13)));
        failedEmail = new NotificationFailed(email, hub, "request-received", "email", "requester", "bounced", at(14));
        add(failedEmail);
        add(new StockReserved(UUID.randomUUID(), a, hub, List.of(new StockReserved.ReservedLine(location, ItemSlug.FOOD_PARCEL, 2)), at(15)));
        add(new DeliveryScheduled(UUID.randomUUID(), a, hub, location, v1, null, at(16)));
        add(new RequestInProgress(a, hub, v1, at(20)));
        add(new RequestEscalated(b, hub, 1, Urgency.LIFE_SAFETY, HelpCategory.EVACUATION, null, at(20)));
        UUID declined = UUID.randomUUID();
        add(new OfferMade(declined, b, v1, hub, HelpCategory.EVACUATION, Urgency.LIFE_SAFETY, 1.2, "B1", "en", at(240), at(21)));
        add(new OfferDeclined(declined, b, v1, hub, at(22)));
        add(new OfferMade(UUID.randomUUID(), b, v2, hub, HelpCategory.EVACUATION, Urgency.LIFE_SAFETY, 0.8, "B2", "en", at(240), at(25)));
        add(new RequestMatched(c, hub, UUID.randomUUID(), v1, at(30)));
        add(new AssignmentReleased(UUID.randomUUID(), c, v1, hub, "car broke down", at(40)));
        UUID deliveryA = UUID.randomUUID();
        add(new DeliveryCompleted(deliveryA, a, hub, at(50)));
        add(new RequestFulfilled(a, hub, v1, at(60)));
        add(submitted(e, Urgency.URGENT, HelpCategory.WARMTH, "Georgetown", at(60), new ItemQuantity(ItemSlug.BLANKET, 1)));
        add(new FollowUpDue(a, hub, "en", at(61)));
        add(new RequestMatched(e, hub, UUID.randomUUID(), v2, at(70)));
        add(new StockReserved(UUID.randomUUID(), e, hub, List.of(new StockReserved.ReservedLine(location, ItemSlug.BLANKET, 2)), at(75)));
        add(new VolunteerAvailabilityChanged(v1, hub, false, at(90)));
        add(new DeliveryFailed(failedDelivery, e, hub, "nobody home", at(100)));
    }

    List<TredegarEvent> events() {
        return List.copyOf(events);
    }

    private void add(TredegarEvent event) {
        events.add(event);
    }

    private Instant at(long minutes) {
        return t0.plus(Duration.ofMinutes(minutes));
    }

    private RequestSubmitted submitted(UUID id, Urgency urgency, HelpCategory category, String area, Instant at,
                                       ItemQuantity... items) {
        return new RequestSubmitted(id, hub, category, urgency, "Help needed", new GeoPoint(51.773, -3.247), area,
                List.of(items), "en", false, ContactChannel.NONE, IntakeChannel.WEB, null, false, at);
    }
}
