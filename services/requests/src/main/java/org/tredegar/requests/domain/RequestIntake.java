package org.tredegar.requests.domain;

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
import org.tredegar.contracts.model.TimeWindow;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.platform.outbox.OutboxRow;
import org.tredegar.platform.outbox.ProducerSchemaCheck;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.api.SubmitAccepted;
import org.tredegar.requests.api.SubmitRequest;
import org.tredegar.requests.persistence.IntakeBatches;
import org.tredegar.requests.persistence.IntakeStatement;

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
 * memory first: validation (done by the resource), routing against the cached hubs, sealing and hashing the
 * contact, and building the event.
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
        List<Hub> loaded = hubs.current();
        if (loaded == null) {
            return hubs.route(point, body.location().area()).chain(routing -> write(body, origin, point, routing));
        }
        HubDirectory.Routing routing;
        try {
            routing = HubDirectory.route(loaded, point, body.location().area());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return write(body, origin, point, routing);
    }

    /** For channels that know their hub without a place (SMS): no routing, same statement and event. */
    public Uni<SubmitAccepted> submitRouted(SubmitRequest body, Origin origin, HubDirectory.Routing routing) {
        return write(body, origin, null, routing);
    }

    private Uni<SubmitAccepted> write(SubmitRequest body, Origin origin, GeoPoint point, HubDirectory.Routing routing) {
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        UUID hubId = routing.hub().id();
        String description = body.description().strip();
        String language = language(body.language());
        SubmitRequest.Contact contact = body.contact();
        boolean hasContact = contact != null && contact.channel() != ContactChannel.NONE;
        IntakeStatement.SealedContact sealed = null;
        String contactHash = null;
        if (hasContact) {
            ContactCipher.Sealed s = cipher.seal(contact.value(), id.toString());
            sealed = new IntakeStatement.SealedContact(contact.channel().slug(), s.keyId(), s.nonce(), s.ciphertext());
            contactHash = cipher.lookupHash(contact.channel().slug(), contact.value());
        }
        Double lat = point == null ? null : point.lat();
        Double lon = point == null ? null : point.lon();
        List<ItemQuantity> items = body.items() == null ? List.of()
                : body.items().stream().map(i -> new ItemQuantity(i.item(), i.quantity())).toList();
        RequestSubmitted event = new RequestSubmitted(id, hubId, body.category(), body.urgency(), description,
                Locations.approximate(lat, lon), body.location().area(), items, language, hasContact,
                hasContact ? contact.channel() : ContactChannel.NONE, origin.channel(),
                body.window() == null ? null : new TimeWindow(body.window().from(), body.window().to()),
                routing.outsideHubArea(), now);
        OutboxRow outboxRow;
        try {
            outboxRow = OutboxRow.of(event, now, schemaCheck);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        IntakeStatement.SealedContact sealedContact = sealed;
        String hash = contactHash;
        String itemsJson = writeItems(body.items());
        IntakeStatement.NewRequest row = new IntakeStatement.NewRequest(
                id, hubId, TrackingCodes.next(), body.category().slug(), body.urgency().slug(), Priority.rank(body.urgency()),
                RequestStatus.SUBMITTED.slug(), description, lat, lon, body.location().area(), itemsJson, language,
                body.accessibility(), body.window() == null ? null : body.window().from(),
                body.window() == null ? null : body.window().to(), origin.channel().slug(), routing.outsideHubArea(),
                escalation.next(body.urgency(), now), hash, now, now.minus(dedupWindow), sealedContact, origin.actor(),
                "submitted via " + origin.channel().slug(), outboxRow, origin.clientId(), origin.idempotencyKey());
        if (!row.keyed()) {
            return batches.write(row, written -> accepted(new IntakeStatement.Written(true, written.id(),
                    written.status(), written.trackingCode(), written.urgency())));
        }
        return writeKeyed(row, KEYED_TRIES);
    }

    private Uni<SubmitAccepted> writeKeyed(IntakeStatement.NewRequest row, int tries) {
        return statement.insertKeyed(row).onItemOrFailure().transformToUni((written, failure) -> {
            if (failure != null) {
                return tries > 1 && IntakeBatches.trackingCodeTaken(failure)
                        ? writeKeyed(row.withTrackingCode(TrackingCodes.next()), tries - 1)
                        : Uni.createFrom().failure(failure);
            }
            if (written.isPresent()) {
                return Uni.createFrom().item(accepted(written.get()));
            }
            // Another call with the same Idempotency-Key committed after this statement looked: run it again and the
            // key now leads to that call's request.
            return tries > 1 ? writeKeyed(row, tries - 1)
                    : Uni.createFrom().failure(ApiProblem.conflict("idempotency-key-in-use",
                    "another call with this Idempotency-Key is in progress; retry it"));
        });
    }

    static SubmitAccepted accepted(IntakeStatement.Written w) {
        boolean lifeSafety = Urgency.LIFE_SAFETY.slug().equals(w.urgency());
        return new SubmitAccepted(w.id(), w.status(), w.trackingCode(), null,
                NextSteps.forStatus(RequestStatus.fromSlug(w.status())), lifeSafety ? LIFE_SAFETY_GUIDANCE : null);
    }

    /**
     * Language tags are case-insensitive (BCP 47); events carry the primary subtag in lower case, as their schema
     * requires, so "EN" or "Cy-GB" are stored and published as "en" and "cy-GB".
     */
    static String language(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag.toLowerCase(Locale.ROOT) : tag.substring(0, dash).toLowerCase(Locale.ROOT) + tag.substring(dash);
    }

    private String writeItems(List<SubmitRequest.Item> items) {
        if (items == null || items.isEmpty()) {
            return "[]";
        }
        try {
            return json.writeValueAsString(items);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
