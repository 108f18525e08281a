package org.tredegar.contracts;

import org.tredegar.contracts.audit.v1.AuditEntryRecorded;
import org.tredegar.contracts.logistics.v1.DeliveryCompleted;
import org.tredegar.contracts.logistics.v1.DeliveryFailed;
import org.tredegar.contracts.logistics.v1.DeliveryScheduled;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.logistics.v1.ReservationReleased;
import org.tredegar.contracts.logistics.v1.StockAdjusted;
import org.tredegar.contracts.logistics.v1.StockReceived;
import org.tredegar.contracts.logistics.v1.StockReserved;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.contracts.requests.v1.FollowUpDue;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.contracts.requests.v1.RequestInProgress;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestReopened;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestTriaged;
import org.tredegar.contracts.requests.v1.RequestUpdated;
import org.tredegar.contracts.requests.v1.RequestsMerged;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.contracts.volunteers.v1.OfferDeclined;
import org.tredegar.contracts.volunteers.v1.OfferExpired;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.contracts.volunteers.v1.VolunteerAvailabilityChanged;
import org.tredegar.contracts.volunteers.v1.VolunteerRegistered;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type Tredegar publishes. Producers and consumers look types up here, so a record left out cannot
 * travel; {@code EventCatalogTest} fails for any event record that is not registered.
 */
public final class EventCatalog {

    // Names are spelled out rather than taken from getSimpleName(): the wire name must survive a Java rename.
    private static final List<EventType<?>> ALL = List.of(
            v1("requests", "RequestSubmitted", RequestSubmitted.class),
            v1("requests", "RequestTriaged", RequestTriaged.class),
            v1("requests", "RequestUpdated", RequestUpdated.class),
            v1("requests", "RequestMatched", RequestMatched.class),
            v1("requests", "RequestCancelled", RequestCancelled.class),
            v1("requests", "RequestFulfilled", RequestFulfilled.class),
            v1("requests", "RequestEscalated", RequestEscalated.class),
            v1("requests", "RequestClosed", RequestClosed.class),
            v1("requests", "RequestReopened", RequestReopened.class),
            v1("requests", "RequestsMerged", RequestsMerged.class),
            v1("requests", "RequestInProgress", RequestInProgress.class),
            v1("requests", "FollowUpDue", FollowUpDue.class),
            v1("requests", "OneTimeCodeIssued", org.tredegar.contracts.requests.v1.OneTimeCodeIssued.class),

            v1("volunteers", "VolunteerRegistered", VolunteerRegistered.class),
            v1("volunteers", "VolunteerAvailabilityChanged", VolunteerAvailabilityChanged.class),
            v1("volunteers", "OfferMade", OfferMade.class),
            v1("volunteers", "OfferAccepted", OfferAccepted.class),
            v1("volunteers", "OfferDeclined", OfferDeclined.class),
            v1("volunteers", "OfferExpired", OfferExpired.class),
            v1("volunteers", "AssignmentCompleted", AssignmentCompleted.class),
            v1("volunteers", "AssignmentReleased", AssignmentReleased.class),
            v1("volunteers", "OneTimeCodeIssued", org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued.class),

            v1("logistics", "StockReceived", StockReceived.class),
            v1("logistics", "StockAdjusted", StockAdjusted.class),
            v1("logistics", "StockReserved", StockReserved.class),
            v1("logistics", "ReservationFailed", ReservationFailed.class),
            v1("logistics", "ReservationReleased", ReservationReleased.class),
            v1("logistics", "DeliveryScheduled", DeliveryScheduled.class),
            v1("logistics", "DeliveryCompleted", DeliveryCompleted.class),
            v1("logistics", "DeliveryFailed", DeliveryFailed.class),
            v1("logistics", "LowStock", LowStock.class),

            v1("notifications", "NotificationSent", NotificationSent.class),
            v1("notifications", "NotificationFailed", NotificationFailed.class),

            v1("audit", "AuditEntryRecorded", AuditEntryRecorded.class));

    private static final Map<String, EventType<?>> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, EventType<?>> BY_CLASS = new LinkedHashMap<>();

    static {
        for (EventType<?> type : ALL) {
            if (BY_TYPE.put(type.type(), type) != null || BY_CLASS.put(type.dataClass(), type) != null) {
                throw new IllegalStateException("Registered twice: " + type);
            }
        }
    }

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    /** Looks up the CloudEvents {@code type} of an incoming message. */
    public static Optional<EventType<?>> byType(String ceType) {
        return Optional.ofNullable(BY_TYPE.get(ceType));
    }

    /** The type of an event record, for producers. */
    @SuppressWarnings("unchecked")
    public static <T extends TredegarEvent> EventType<T> of(Class<T> dataClass) {
        EventType<?> type = BY_CLASS.get(dataClass);
        if (type == null) {
            throw new IllegalArgumentException(dataClass.getName() + " is not registered in EventCatalog");
        }
        return (EventType<T>) type;
    }

    /** Every type published on a topic; empty for a topic no type uses. */
    public static List<EventType<?>> forTopic(String topic) {
        return ALL.stream().filter(type -> type.topic().equals(topic)).toList();
    }

    private static <T extends TredegarEvent> EventType<T> v1(String service, String name, Class<T> dataClass) {
        return new EventType<>(service, name, 1, dataClass);
    }
}
