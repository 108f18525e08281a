package org.tredegar.notifications.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.FollowUpDue;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.notifications.persistence.RequesterChannelEntity;
import org.tredegar.platform.inbox.IncomingEvent;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides who is told what about an event, and records each message as an intent (a pending row, unique per
 * cause, recipient and kind) in the consumer's transaction. Nothing is sent here: the dispatcher sends after commit.
 */
@ApplicationScoped
public class NotificationPlanner {
    public static final String REQUEST_RECEIVED = MessageKind.REQUEST_RECEIVED.slug();

    static final String INSERT_INTENT = "INSERT INTO notifications (id, hub_id, kind, recipient_type, recipient_ref, "
            + "language, urgent, status, causation_event_id, created_at, updated_at, subject_ref, params, next_attempt_at) "
            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13) ON CONFLICT DO NOTHING";
    static final String RECENT_OF_KIND = "SELECT count(*) FROM notifications WHERE recipient_type = ?1 "
            + "AND recipient_ref = ?2 AND kind = ?3 AND created_at > ?4 AND status NOT IN ('suppressed', 'skipped')";

    @Inject
    ObjectMapper json;
    @Inject
    TimeSource clock;
    @Inject
    QuietHours quietHours;
    @Inject
    Dispatcher dispatcher;
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
            RequesterChannelEntity channel = new RequesterChannelEntity();
            channel.requestId = s.requestId();
            channel.hubId = s.hubId();
            channel.channel = s.hasContact() && s.contactChannel() != null ? s.contactChannel().slug() : ContactChannel.NONE.slug();
            channel.language = Languages.supported(s.language());
            Uni<Void> remembered = Panache.getSession().chain(session -> session.createNativeQuery(
                            "INSERT INTO requester_channels (request_id, hub_id, channel, language) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                    .setParameter(1, channel.requestId).setParameter(2, channel.hubId).setParameter(3, channel.channel)
                    .setParameter(4, channel.language).executeUpdate()).replaceWithVoid();
            List<Intent> intents = s.hasContact()
                    ? List.of(new Intent(s.hubId(), MessageKind.REQUEST_RECEIVED, Intent.REQUESTER, s.requestId(), s.language(),
                    urgent(s.urgency()), null, params("category", slug(s.category()))))
                    : List.of();
            return remembered.replaceWith(intents);
        }
        if (data instanceof OfferMade o) {
            if (o.volunteerId() == null) {
                return none();
            }
            return Uni.createFrom().item(List.of(new Intent(o.hubId(), MessageKind.OFFER, Intent.VOLUNTEER, o.volunteerId(),
                    o.language(), urgent(o.urgency()), o.offerId(),
                    params("category", slug(o.category()), "urgency", slug(o.urgency()), "distanceKm", o.distanceKm(),
                            "offerCode", o.offerCode(), "expiresAt", o.expiresAt() == null ? null : o.expiresAt().toString(),
                            "requestId", o.requestId().toString()))));
        }
        if (data instanceof org.tredegar.contracts.requests.v1.OneTimeCodeIssued c) {
            return oneTimeCode(c.hubId(), Intent.REQUESTER, c.requestId(), c.codeId(), c.purpose(), c.language(), c.expiresAt());
        }
        if (data instanceof org.tredegar.contracts.volunteers.v1.OneTimeCodeIssued c) {
            return oneTimeCode(c.hubId(), Intent.VOLUNTEER, c.signUpId(), c.codeId(), c.purpose(), c.language(), c.expiresAt());
        }
        if (data instanceof RequestMatched m) {
            return toRequester(m.hubId(), m.requestId(), MessageKind.REQUEST_MATCHED, null);
        }
        if (data instanceof RequestFulfilled f) {
            return toRequester(f.hubId(), f.requestId(), MessageKind.REQUEST_FULFILLED, null);
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

    /** To the requester, on the channel they gave: none means no message at all. */
    private Uni<List<Intent>> toRequester(UUID hubId, UUID requestId, MessageKind kind, String language) {
        return RequesterChannelEntity.<RequesterChannelEntity>findById(requestId).map(known -> {
            if (known != null && ContactChannel.NONE.slug().equals(known.channel)) {
                return List.of();
            }
            // Unknown requester (their RequestSubmitted came before this service): the contact lookup decides.
            String lang = language != null ? language : known != null ? known.language : "en";
            return List.of(new Intent(hubId, kind, Intent.REQUESTER, requestId, lang, false, null, Map.of()));
        });
    }

    /**
     * A one-time code: urgent (never held by quiet hours). The intent names the code, not the code itself: the code
     * and its address are fetched from the issuing service at send time and never written here.
     */
    private static Uni<List<Intent>> oneTimeCode(UUID hubId, String recipientType, UUID recipientRef, UUID codeId,
                                                 String purpose, String language, java.time.Instant expiresAt) {
        return Uni.createFrom().item(List.of(new Intent(hubId, MessageKind.ONE_TIME_CODE, recipientType, recipientRef,
                language, true, codeId, params("purpose", purpose, "expiresAt", expiresAt.toString()))));
    }

    private static Uni<List<Intent>> coordinators(UUID hubId, MessageKind kind, boolean urgent, UUID subject,
                                                  Map<String, Object> params) {
        // The hub's coordinators are reached through the hub's duty contact, so the recipient is the hub.
        return Uni.createFrom().item(List.of(new Intent(hubId, kind, Intent.COORDINATOR, hubId, null, urgent, subject, params)));
    }

    private Uni<Void> record(IncomingEvent cause, Intent intent) {
        var now = clock.now();
        Duration window = windowOf(intent.kind());
        String status = "pending";
        var next = now;
        var held = quietHours.holdUntil(intent.hubId(), intent.urgent(), now);
        if (held.isPresent()) {
            status = "held";
            next = held.get();
        }
        String initialStatus = status;
        var nextAttempt = next;
        return Panache.getSession().chain(session -> session
                // Serialises intents for one recipient and kind, so two events in a surge cannot both pass the window.
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked", Integer.class)
                .setParameter(1, intent.recipientType() + ":" + intent.recipientRef() + ":" + intent.kind().slug())
                .getSingleResult()
                .chain(() -> window.isZero() ? Uni.createFrom().item(0L) : session.createNativeQuery(RECENT_OF_KIND, Long.class)
                        .setParameter(1, intent.recipientType()).setParameter(2, intent.recipientRef())
                        .setParameter(3, intent.kind().slug()).setParameter(4, utc(now.minus(window)))
                        .getSingleResult())
                .chain(recent -> session.createNativeQuery(INSERT_INTENT)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, intent.hubId())
                        .setParameter(3, intent.kind().slug())
                        .setParameter(4, intent.recipientType())
                        .setParameter(5, intent.recipientRef())
                        .setParameter(6, Languages.supported(intent.language()))
                        .setParameter(7, intent.urgent())
                        .setParameter(8, recent > 0 ? "suppressed" : initialStatus)
                        .setParameter(9, cause.id())
                        .setParameter(10, utc(now))
                        .setParameter(11, intent.subjectRef())
                        .setParameter(12, toJson(intent.params()))
                        .setParameter(13, utc(nextAttempt))
                        .executeUpdate()
                        .invoke(inserted -> {
                            if (inserted > 0 && recent == 0 && "pending".equals(initialStatus) && intent.urgent()) {
                                dispatcher.urgentExpected(); // sent as soon as this commits, not at the next tick
                            }
                        })))
                .replaceWithVoid();
    }

    /**
     * At most one message of a kind per recipient per window; a window of zero turns this off for that kind. One-time
     * codes are never collapsed.
     */
    Duration windowOf(MessageKind kind) {
        if (kind == MessageKind.ONE_TIME_CODE) {
            return Duration.ZERO; // each code is asked for by someone waiting for it: never collapsed, whatever the config
        }
        return ConfigProvider.getConfig().getOptionalValue("tredegar.notifications.window.\"" + kind.slug() + "\"", Duration.class)
                .orElse(defaultWindow);
    }

    private String toJson(Map<String, Object> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template values are not JSON", e);
        }
    }

    public static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
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
