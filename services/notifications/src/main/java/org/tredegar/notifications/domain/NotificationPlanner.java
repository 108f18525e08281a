package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.FollowUpDue;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.AssignmentCompleted;
import org.tredegar.contracts.volunteers.v1.AssignmentReleased;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.notifications.persistence.Notifications;
import org.tredegar.notifications.persistence.RequesterChannels;
import org.tredegar.notifications.persistence.TaskRelays;
import org.tredegar.platform.inbox.IncomingEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides who is told what about an event, and records each message as an intent (a pending row, unique per
 * cause, recipient and kind) in the consumer's transaction. Nothing is sent here: the dispatcher sends after commit.
 */
@ApplicationScoped
public class NotificationPlanner {
    @Inject
    Notifications notifications;
    @Inject
    RequesterChannels requesterChannels;
    @Inject
    TaskRelays relays;
    @Inject
    TaskReminders reminders;
    @Inject
    TimeSource clock;
    @Inject
    QuietHours quietHours;
    @Inject
    Event<UrgentIntentRecorded> urgentRecorded;
    @ConfigProperty(name = "tredegar.notifications.window", defaultValue = "PT15M")
    Duration defaultWindow;

    public Uni<Void> plan(IncomingEvent event) {
        return intentsFor(event).chain(intents -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Intent intent : intents) {
                chain = chain.chain(() -> record(event, intent));
            }
            return chain;
        });
    }

    Uni<List<Intent>> intentsFor(IncomingEvent event) {
        Object data = event.data();
        if (data instanceof RequestSubmitted s) {
            String channel = s.hasContact() && s.contactChannel() != null ? s.contactChannel().slug() : ContactChannel.NONE.slug();
            Uni<Void> remembered = requesterChannels.remember(s.requestId(), s.hubId(), channel, Languages.supported(s.language()),
                    s.window() == null ? null : s.window().from());
            List<Intent> intents = s.hasContact()
                    // Someone who texted us just now is awake and waiting for the answer: never held till morning.
                    ? List.of(new Intent(s.hubId(), MessageKind.REQUEST_RECEIVED, RecipientType.REQUESTER, s.requestId(), s.language(),
                    urgent(s.urgency()) || s.channel() == IntakeChannel.SMS, null, params("category", slug(s.category()))))
                    : List.of();
            return remembered.replaceWith(intents);
        }
        if (data instanceof OfferMade o) {
            if (o.volunteerId() == null) {
                return none();
            }
            return Uni.createFrom().item(List.of(new Intent(o.hubId(), MessageKind.OFFER, RecipientType.VOLUNTEER, o.volunteerId(),
                    o.language(), urgent(o.urgency()), o.offerId(),
                    params("category", slug(o.category()), "urgency", slug(o.urgency()), "distanceKm", o.distanceKm(),
                            "offerCode", o.offerCode(), "expiresAt", o.expiresAt() == null ? null : o.expiresAt().toString(),
                            "requestId", o.requestId().toString()))));
        }
        if (data instanceof org.tredegar.contracts.requests.v1.OneTimeCodeIssued c) {
            return oneTimeCode(c.hubId(), RecipientType.REQUESTER, c.requestId(), c.codeId(), c.purpose(), c.language(), c.expiresAt());
        }
        if (data instanceof org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued c) {
            return oneTimeCode(c.hubId(), RecipientType.VOLUNTEER, c.signUpId(), c.codeId(), c.purpose(), c.language(), c.expiresAt());
        }
        if (data instanceof OfferAccepted a) {
            // The volunteer said yes and is waiting for where to go: urgent, and the relay opens with the task.
            if (a.volunteerId() == null || a.assignmentId() == null) {
                return none();
            }
            Map<String, Object> task = params("requestId", a.requestId().toString(), "assignmentId", a.assignmentId().toString());
            return relays.open(a.assignmentId(), a.requestId(), a.hubId(), a.volunteerId(), clock.now())
                    .chain(() -> reminders.plan(event, a, task))
                    .replaceWith(List.of(new Intent(a.hubId(), MessageKind.TASK_DETAILS, RecipientType.VOLUNTEER, a.volunteerId(),
                            null, true, a.assignmentId(), task)));
        }
        if (data instanceof AssignmentCompleted c) {
            return relays.close(c.assignmentId(), clock.now()).replaceWith(List.of());
        }
        if (data instanceof AssignmentReleased r) {
            return relays.close(r.assignmentId(), clock.now()).replaceWith(List.of());
        }
        if (data instanceof RequestMatched m) {
            // "Someone is on the way" is news a person is waiting for, not a bulletin: urgent, never held overnight.
            return toRequester(m.hubId(), m.requestId(), MessageKind.REQUEST_MATCHED, null, true,
                    params("volunteerId", m.volunteerId() == null ? null : m.volunteerId().toString()));
        }
        if (data instanceof RequestFulfilled f) {
            return relays.closeForRequest(f.requestId(), clock.now())
                    .chain(() -> toRequester(f.hubId(), f.requestId(), MessageKind.REQUEST_FULFILLED, null));
        }
        if (data instanceof RequestCancelled c) {
            return relays.closeForRequest(c.requestId(), clock.now()).replaceWith(List.of());
        }
        if (data instanceof RequestClosed c) {
            return relays.closeForRequest(c.requestId(), clock.now()).replaceWith(List.of());
        }
        if (data instanceof FollowUpDue f) {
            return toRequester(f.hubId(), f.requestId(), MessageKind.FOLLOW_UP, f.language());
        }
        if (data instanceof RequestEscalated e) {
            return coordinators(e.hubId(), MessageKind.REQUEST_ESCALATED, urgent(e.urgency()), e.requestId(),
                    params("level", e.level(), "category", slug(e.category()), "urgency", slug(e.urgency()),
                            "requestId", e.requestId().toString()));
        }
        if (data instanceof LowStock l) {
            return coordinators(l.hubId(), MessageKind.LOW_STOCK, false, l.locationId(),
                    params("item", slug(l.item()), "available", l.available(), "minimum", l.minimum()));
        }
        if (data instanceof ReservationFailed r) {
            List<String> missing = r.missing().stream().map(m -> m.item().slug() + " × " + m.quantity()).toList();
            return coordinators(r.hubId(), MessageKind.RESERVATION_FAILED, false, r.requestId(),
                    params("missing", String.join(", ", missing), "requestId", r.requestId().toString()));
        }
        return none();
    }

    private Uni<List<Intent>> toRequester(UUID hubId, UUID requestId, MessageKind kind, String language) {
        return toRequester(hubId, requestId, kind, language, false, Map.of());
    }

    /** To the requester, on the channel they gave: none means no message at all. */
    private Uni<List<Intent>> toRequester(UUID hubId, UUID requestId, MessageKind kind, String language, boolean urgent,
                                          Map<String, Object> values) {
        return requesterChannels.find(requestId).map(known -> {
            if (known.isPresent() && ContactChannel.NONE.slug().equals(known.get().channel())) {
                return List.of();
            }
            // Unknown requester (their RequestSubmitted came before this service): the contact lookup decides.
            String lang = language != null ? language : known.map(RequesterChannels.Known::language).orElse("en");
            return List.of(new Intent(hubId, kind, RecipientType.REQUESTER, requestId, lang, urgent, null, values));
        });
    }

    /**
     * A one-time code: urgent (never held by quiet hours). The intent names the code, not the code itself: the code
     * and its address are fetched from the issuing service at send time and never written here.
     */
    private static Uni<List<Intent>> oneTimeCode(UUID hubId, RecipientType recipientType, UUID recipientRef, UUID codeId,
                                                 String purpose, String language, Instant expiresAt) {
        return Uni.createFrom().item(List.of(new Intent(hubId, MessageKind.ONE_TIME_CODE, recipientType, recipientRef,
                language, true, codeId, params("purpose", purpose, "expiresAt", expiresAt.toString()))));
    }

    private static Uni<List<Intent>> coordinators(UUID hubId, MessageKind kind, boolean urgent, UUID subject,
                                                  Map<String, Object> params) {
        // The hub's coordinators are reached through the hub's duty contact, so the recipient is the hub.
        return Uni.createFrom().item(List.of(new Intent(hubId, kind, RecipientType.COORDINATOR, hubId, null, urgent, subject, params)));
    }

    private Uni<Void> record(IncomingEvent cause, Intent intent) {
        Instant now = clock.now();
        Duration window = windowOf(intent.kind());
        Optional<Instant> held = quietHours.holdUntil(intent.hubId(), intent.urgent(), now);
        NotificationStatus status = held.isPresent() ? NotificationStatus.HELD : NotificationStatus.PENDING;
        // Serialises intents for one recipient and kind, so two events in a surge cannot both pass the window.
        return notifications.lockRecipientKind(intent.recipientType(), intent.recipientRef(), intent.kind())
                .chain(() -> window.isZero() ? Uni.createFrom().item(0L)
                        : notifications.countRecent(intent.recipientType(), intent.recipientRef(), intent.kind(), now.minus(window)))
                .chain(recent -> notifications.recordIntent(intent, Languages.supported(intent.language()), cause.id(),
                                recent > 0 ? NotificationStatus.SUPPRESSED : status, now, held.orElse(now))
                        .invoke(recorded -> {
                            if (recorded && recent == 0 && status == NotificationStatus.PENDING && intent.urgent()) {
                                // sent as soon as this commits, not at the dispatcher's next tick
                                urgentRecorded.fire(new UrgentIntentRecorded(intent.kind()));
                            }
                        }))
                .replaceWithVoid();
    }

    /**
     * At most one message of a kind per recipient per window; a window of zero turns this off for that kind. One-time
     * codes are never collapsed.
     */
    Duration windowOf(MessageKind kind) {
        if (kind == MessageKind.ONE_TIME_CODE || kind == MessageKind.TASK_DETAILS) {
            // each code is asked for by someone waiting for it, each task is a different errand: never collapsed
            return Duration.ZERO;
        }
        return ConfigProvider.getConfig().getOptionalValue("tredegar.notifications.window.\"" + kind.slug() + "\"", Duration.class)
                .orElse(defaultWindow);
    }

    private static boolean urgent(Urgency urgency) {
        return urgency == Urgency.LIFE_SAFETY || urgency == Urgency.URGENT;
    }

    private static String slug(org.tredegar.contracts.model.Slugged value) {
        return value == null ? null : value.slug();
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }

    private static Uni<List<Intent>> none() {
        return Uni.createFrom().item(List.of());
    }
}
