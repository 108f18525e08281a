package org.tredegar.requests.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.platform.outbox.OutboxRow;
import org.tredegar.platform.outbox.ProducerSchemaCheck;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.IntakeBatches;
import org.tredegar.requests.persistence.IntakeStatement;
import org.tredegar.requests.persistence.IntakeStatement.NewRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Takes a request for help from any channel. The request row, its sealed contact, its first transition and the
 * RequestSubmitted event commit together, in one SQL statement ({@link IntakeStatement}): no request without its
 * event, no event without its request. Requests arriving together share a statement ({@link IntakeBatches});
 * a partner's request with an Idempotency-Key has one of its own that claims the key. Everything else happens in
 * memory first: validation (done by whoever took the request), routing against the cached hubs, sealing and
 * hashing the contact, and building the event.
 */
@ApplicationScoped
public class RequestIntake {
    public static final String LIFE_SAFETY_GUIDANCE = "If someone is in danger right now, call 999 (or 112) first. "
            + "We have your request and a coordinator will follow up.";
    /** Keyed writes run again when a concurrent call with the same key got in first, or a tracking code clashed. */
    static final int KEYED_TRIES = 3;

    @Inject
    HubDirectory hubs;
    @Inject
    IntakeStatement statement;
    @Inject
    IntakeBatches batches;
    @Inject
    ContactCipher cipher;
    @Inject
    EscalationPolicy escalation;
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "tredegar.dedup.window", defaultValue = "P7D")
    Duration dedupWindow;
    /** Which outgoing events are checked against their schema (ADR 0006), as OutboxWriter does. */
    @Inject
    ProducerSchemaCheck schemaCheck;

    /**
     * Who sent it and how: the channel, the actor for the audit trail, and for partners their client id and optional
     * idempotency key.
     */
    public record Origin(IntakeChannel channel, String actor, String clientId, String idempotencyKey) {
        /** The person themselves, without an account. */
        public static Origin requester(IntakeChannel channel) {
            return new Origin(channel, Actors.REQUESTER, null, null);
        }

        boolean keyed() {
            return clientId != null && idempotencyKey != null;
        }
    }

    public Uni<IntakeReceipt> submit(RequestForHelp asked, Origin origin) {
        if (asked.urgency() == Urgency.SCHEDULED && asked.window() == null) {
            return Uni.createFrom().failure(ApiProblem.badField("window", "a scheduled request needs a window {from, to}"));
        }
        RequestForHelp.Place place = asked.place();
        GeoPoint point = place.lat() != null ? new GeoPoint(place.lat(), place.lon()) : null;
        List<Hub> loaded = hubs.current();
        if (loaded == null) {
            return hubs.route(point, place.area()).chain(routing -> write(asked, origin, routing));
        }
        HubDirectory.Routing routing;
        try {
            routing = HubDirectory.route(loaded, point, place.area());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return write(asked, origin, routing);
    }

    /**
     * For channels that know their hub (SMS: the number texted) and have chosen the request's id and tracking code
     * beforehand: the SMS intake records them first, so that writing again after a failure either writes this very
     * request or fails on its id ({@link IntakeBatches#requestIdTaken}) because it was written. Same statement, same
     * event; the tracking code may still be drawn again if it clashes (the receipt says which).
     */
    public Uni<IntakeReceipt> submitRouted(RequestForHelp asked, Origin origin, HubDirectory.Routing routing,
                                           UUID id, String trackingCode) {
        return write(asked, origin, routing, id, trackingCode);
    }

    private Uni<IntakeReceipt> write(RequestForHelp asked, Origin origin, HubDirectory.Routing routing) {
        return write(asked, origin, routing, UUID.randomUUID(), TrackingCodes.next());
    }

    private Uni<IntakeReceipt> write(RequestForHelp asked, Origin origin, HubDirectory.Routing routing, UUID id,
                                     String trackingCode) {
        NewRequest row;
        try {
            row = newRequest(asked, origin, routing, Instant.now(), id, trackingCode);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        if (!row.keyed()) {
            return batches.write(row, written -> receipt(written.written()));
        }
        return writeKeyed(row, KEYED_TRIES);
    }

    /** The intake's rows, in the parts {@link IntakeStatement} stores; the contact sealed, the event built and checked. */
    NewRequest newRequest(RequestForHelp asked, Origin origin, HubDirectory.Routing routing, Instant now, UUID id,
                          String trackingCode) {
        UUID hubId = routing.hub().id();
        String description = asked.description().strip();
        String language = language(asked.language());
        RequestForHelp.Place place = asked.place();
        RequestForHelp.Contact contact = asked.hasContact() ? asked.contact() : null;
        RequestSubmitted event = new RequestSubmitted(id, hubId, asked.category(), asked.urgency(), description,
                Locations.approximate(place.lat(), place.lon()), place.area(), asked.items(), language, contact != null,
                contact != null ? contact.channel() : ContactChannel.NONE, origin.channel(), asked.window(),
                routing.outsideHubArea(), now);
        return new NewRequest(
                new IntakeStatement.Request(id, hubId, trackingCode, origin.channel(), language,
                        RequestStatus.SUBMITTED, escalation.next(asked.urgency(), now), now, now.minus(dedupWindow)),
                new IntakeStatement.Need(asked.category(), asked.urgency(), Priority.rank(asked.urgency()), description,
                        itemsJson(asked.items()), asked.accessibility(),
                        asked.window() == null ? null : asked.window().from(),
                        asked.window() == null ? null : asked.window().to()),
                new IntakeStatement.Place(place.lat(), place.lon(), place.area(), routing.outsideHubArea()),
                contact == null ? null : seal(id, contact),
                new IntakeStatement.FirstTransition(origin.actor(), "submitted via " + origin.channel().slug()),
                OutboxRow.of(event, now, schemaCheck),
                origin.keyed() ? new IntakeStatement.IdempotencyClaim(origin.clientId(), origin.idempotencyKey()) : null);
    }

    /** Sealed with the request id bound in; the lookup hash lets a later message from the same contact find it. */
    private IntakeStatement.SealedContact seal(UUID requestId, RequestForHelp.Contact contact) {
        ContactCipher.Sealed sealed = cipher.seal(contact.value(), requestId.toString());
        return new IntakeStatement.SealedContact(contact.channel(), sealed.keyId(), sealed.nonce(), sealed.ciphertext(),
                cipher.lookupHash(contact.channel().slug(), contact.value()));
    }

    private Uni<IntakeReceipt> writeKeyed(NewRequest row, int tries) {
        return statement.insertKeyed(row).onItemOrFailure().transformToUni((written, failure) -> {
            if (failure != null) {
                return tries > 1 && IntakeBatches.trackingCodeTaken(failure)
                        ? writeKeyed(row.withTrackingCode(TrackingCodes.next()), tries - 1)
                        : Uni.createFrom().failure(failure);
            }
            if (written.isPresent()) {
                return Uni.createFrom().item(receipt(written.get()));
            }
            // Another call with the same Idempotency-Key committed after this statement looked: run it again and the
            // key now leads to that call's request.
            return tries > 1 ? writeKeyed(row, tries - 1)
                    : Uni.createFrom().failure(ApiProblem.conflict("idempotency-key-in-use",
                    "another call with this Idempotency-Key is in progress; retry it"));
        });
    }

    static IntakeReceipt receipt(IntakeStatement.Written w) {
        return new IntakeReceipt(w.id(), w.status(), w.trackingCode(), NextSteps.forStatus(w.status()),
                w.urgency() == Urgency.LIFE_SAFETY ? LIFE_SAFETY_GUIDANCE : null);
    }

    /**
     * Language tags are case-insensitive (BCP 47); events carry the primary subtag in lower case, as their schema
     * requires, so "EN" or "Cy-GB" are stored and published as "en" and "cy-GB".
     */
    static String language(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag.toLowerCase(Locale.ROOT) : tag.substring(0, dash).toLowerCase(Locale.ROOT) + tag.substring(dash);
    }

    /** The items column: {@code [{"item":"food-parcel","quantity":1}]}, {@code []} for none. */
    private String itemsJson(List<ItemQuantity> items) {
        if (items.isEmpty()) {
            return "[]";
        }
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
