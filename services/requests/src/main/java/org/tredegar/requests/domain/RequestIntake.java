package org.tredegar.requests.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.TimeWindow;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.api.SubmitAccepted;
import org.tredegar.requests.api.SubmitRequest;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.IdempotencyKeyEntity;
import org.tredegar.requests.persistence.RequestContactEntity;
import org.tredegar.requests.persistence.RequestTransitionEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Takes a request for help from any channel. The request row, its sealed contact, its first transition and the
 * RequestSubmitted event commit in one transaction: no request without its event, no event without its request.
 */
@ApplicationScoped
public class RequestIntake {
    public static final String LIFE_SAFETY_GUIDANCE = "If someone is in danger right now, call 999 (or 112) first. "
            + "We have your request and a coordinator will follow up.";

    @Inject
    HubDirectory hubs;
    @Inject
    OutboxWriter outbox;
    @Inject
    ContactCipher cipher;
    @Inject
    EscalationPolicy escalation;
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "tredegar.dedup.window", defaultValue = "P7D")
    Duration dedupWindow;

    /** Who sent it and how: the channel, the actor for the audit trail, and an optional partner idempotency key. */
    public record Origin(IntakeChannel channel, String actor, String clientId, String idempotencyKey) {
        public static Origin anonymous(IntakeChannel channel) {
            return new Origin(channel, "requester", null, null);
        }
    }

    public Uni<SubmitAccepted> submit(SubmitRequest body, Origin origin) {
        if (body.urgency() == Urgency.SCHEDULED && body.window() == null) {
            return Uni.createFrom().failure(ApiProblem.badField("window", "a scheduled request needs a window {from, to}"));
        }
        GeoPoint point = body.location().lat() != null ? new GeoPoint(body.location().lat(), body.location().lon()) : null;
        return hubs.route(point, body.location().area()).chain(routing -> Panache.withTransaction(() ->
                existing(origin).chain(previous -> previous != null ? Uni.createFrom().item(previous)
                        : create(body, origin, point, routing))));
    }

    /** For channels that know their hub without a place (SMS): no routing, same transaction and event. */
    public Uni<SubmitAccepted> submitRouted(SubmitRequest body, Origin origin, HubDirectory.Routing routing) {
        return Panache.withTransaction(() -> existing(origin).chain(previous -> previous != null
                ? Uni.createFrom().item(previous) : create(body, origin, null, routing)));
    }

    private Uni<SubmitAccepted> existing(Origin origin) {
        if (origin.idempotencyKey() == null || origin.clientId() == null) {
            return Uni.createFrom().nullItem();
        }
        return IdempotencyKeyEntity.<IdempotencyKeyEntity>findById(new IdempotencyKeyEntity.Key(origin.clientId(), origin.idempotencyKey()))
                .chain(key -> key == null ? Uni.createFrom().nullItem()
                        : HelpRequestEntity.<HelpRequestEntity>findById(key.requestId).map(this::accepted));
    }

    private Uni<SubmitAccepted> create(SubmitRequest body, Origin origin, GeoPoint point, HubDirectory.Routing routing) {
        Instant now = Instant.now();
        HelpRequestEntity request = new HelpRequestEntity();
        request.id = UUID.randomUUID();
        request.hubId = routing.hub().id();
        request.trackingCode = TrackingCodes.next();
        request.category = body.category().slug();
        request.urgency = body.urgency().slug();
        request.urgencyRank = Priority.rank(body.urgency());
        request.status = RequestStatus.SUBMITTED.slug();
        request.description = body.description().strip();
        request.lat = point == null ? null : point.lat();
        request.lon = point == null ? null : point.lon();
        request.area = body.location().area();
        request.items = writeItems(body.items());
        request.language = body.language();
        request.accessibility = body.accessibility();
        request.windowFrom = body.window() == null ? null : body.window().from();
        request.windowTo = body.window() == null ? null : body.window().to();
        request.channel = origin.channel().slug();
        request.outsideHubArea = routing.outsideHubArea();
        request.escalateAt = escalation.next(body.urgency(), now);
        request.submittedAt = now;
        request.updatedAt = now;

        SubmitRequest.Contact contact = body.contact();
        boolean hasContact = contact != null && contact.channel() != ContactChannel.NONE;
        request.contactHash = hasContact ? cipher.lookupHash(contact.channel().slug(), contact.value()) : null;

        return probableDuplicate(request).chain(duplicateOf -> {
            request.duplicateOf = duplicateOf;
            Uni<Void> writes = request.persist()
                    .chain(() -> hasContact ? sealContact(request.id, contact).persist() : Uni.createFrom().voidItem())
                    .chain(() -> RequestTransitionEntity.of(request.id, null, request.status, origin.actor(),
                            "submitted via " + origin.channel().slug()).persist())
                    .chain(() -> outbox.append(submittedEvent(request, body, hasContact, origin.channel(), now)))
                    .replaceWithVoid();
            if (origin.idempotencyKey() != null && origin.clientId() != null) {
                IdempotencyKeyEntity key = new IdempotencyKeyEntity();
                key.id = new IdempotencyKeyEntity.Key(origin.clientId(), origin.idempotencyKey());
                key.requestId = request.id;
                key.createdAt = now;
                writes = writes.chain(() -> key.persist()).replaceWithVoid();
            }
            return writes.map(v -> accepted(request));
        });
    }

    /** The same contact asking for the same kind of help recently: linked for a coordinator, never refused. */
    private Uni<UUID> probableDuplicate(HelpRequestEntity request) {
        if (request.contactHash == null) {
            return Uni.createFrom().nullItem();
        }
        return HelpRequestEntity.<HelpRequestEntity>find(
                        "contactHash = ?1 and category = ?2 and submittedAt > ?3 and status not in ('fulfilled', 'cancelled', 'closed') "
                                + "order by submittedAt", request.contactHash, request.category, request.submittedAt.minus(dedupWindow))
                .firstResult().map(first -> first == null ? null : first.duplicateOf != null ? first.duplicateOf : first.id);
    }

    private RequestContactEntity sealContact(UUID requestId, SubmitRequest.Contact contact) {
        ContactCipher.Sealed sealed = cipher.seal(contact.value(), requestId.toString());
        RequestContactEntity entity = new RequestContactEntity();
        entity.requestId = requestId;
        entity.channel = contact.channel().slug();
        entity.keyId = sealed.keyId();
        entity.nonce = sealed.nonce();
        entity.ciphertext = sealed.ciphertext();
        entity.createdAt = Instant.now();
        return entity;
    }

    private RequestSubmitted submittedEvent(HelpRequestEntity r, SubmitRequest body, boolean hasContact,
                                            IntakeChannel channel, Instant now) {
        List<ItemQuantity> items = body.items() == null ? List.of()
                : body.items().stream().map(i -> new ItemQuantity(i.item(), i.quantity())).toList();
        return new RequestSubmitted(r.id, r.hubId, body.category(), body.urgency(), r.description,
                Locations.approximate(r.lat, r.lon), r.area, items, r.language, hasContact,
                hasContact ? body.contact().channel() : ContactChannel.NONE, channel,
                body.window() == null ? null : new TimeWindow(body.window().from(), body.window().to()),
                r.outsideHubArea, now);
    }

    SubmitAccepted accepted(HelpRequestEntity r) {
        boolean lifeSafety = Urgency.LIFE_SAFETY.slug().equals(r.urgency);
        return new SubmitAccepted(r.id, r.status, r.trackingCode, null,
                NextSteps.forStatus(RequestStatus.fromSlug(r.status)), lifeSafety ? LIFE_SAFETY_GUIDANCE : null);
    }

    private String writeItems(List<SubmitRequest.Item> items) {
        try {
            return json.writeValueAsString(items == null ? List.of() : items);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
