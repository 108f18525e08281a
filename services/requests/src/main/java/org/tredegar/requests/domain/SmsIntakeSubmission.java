package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.IntakeBatches;
import org.tredegar.requests.persistence.SmsIntakeEntity;
import org.tredegar.requests.persistence.SmsIntakes;
import org.tredegar.requests.persistence.SmsMessages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes the request a conversation by text led to, through the normal intake ({@link RequestIntake}: one statement,
 * RequestSubmitted through the outbox, routed to the conversation's hub, matched like any request), then lets the
 * conversation forget the text, the place and the number.
 * <p>
 * The request's id and tracking code were stored with the conversation ({@link SmsIntakeSteps#submitting}) before
 * this runs, outside that transaction (the intake writes on its own connection). So whoever completes it — the text
 * that finished the conversation, a retry of it, the next text, or the timeout job after a crash — writes that very
 * request, or finds it written: never a second one.
 */
@ApplicationScoped
public class SmsIntakeSubmission {
    /** A request needs words (RequestSubmitted.description); a person may have sent none. */
    static final String NO_WORDS = "(a text message with no words)";

    @Inject
    RequestIntake intake;
    @Inject
    HubDirectory hubs;
    @Inject
    ContactCipher cipher;
    @Inject
    SmsIntakes intakes;
    @Inject
    SmsMessages messages;

    /** What writing the request needs, read from the conversation while it was locked. */
    record Pending(String contactHash, UUID hubId, String language, String description, HelpCategory category,
                   RequestForHelp.Place place, ContactCipher.Sealed number, UUID requestId, String trackingCode) {
        static Pending of(SmsIntakeEntity e) {
            return new Pending(e.contactHash, e.hubId, e.language, e.description, e.category,
                    new RequestForHelp.Place(e.lat, e.lon, e.area),
                    e.keyId == null ? null : new ContactCipher.Sealed(e.keyId, e.nonce, e.ciphertext), e.requestId,
                    e.trackingCode);
        }
    }

    /** Writes the request unless it is written already; answers its tracking code as written. Call outside a transaction. */
    Uni<String> complete(Pending p) {
        return written(p.requestId())
                .chain(code -> code != null ? Uni.createFrom().item(code) : write(p)
                        .onFailure(IntakeBatches::requestIdTaken).recoverWithUni(() -> written(p.requestId())))
                .call(code -> Panache.withTransaction(() -> intakes.markSubmitted(p.contactHash(), p.requestId(), code, Instant.now())
                        // A clashing tracking code is drawn again by the intake: answers already given say the new one.
                        .chain(() -> code.equals(p.trackingCode()) ? Uni.createFrom().voidItem()
                                : messages.trackingCodeWritten(p.requestId(), code).replaceWithVoid())));
    }

    private static Uni<String> written(UUID requestId) {
        return Panache.withSession(() -> HelpRequestEntity.<HelpRequestEntity>findById(requestId))
                .map(r -> r == null ? null : r.trackingCode);
    }

    private Uni<String> write(Pending p) {
        return hubs.byId(p.hubId()).chain(found -> {
            Hub hub = found.orElseThrow(() -> new IllegalStateException("hub " + p.hubId() + " of an SMS conversation is gone"));
            RequestForHelp.Place place = p.place();
            boolean outside = place.lat() != null && !hub.covers(new GeoPoint(place.lat(), place.lon()));
            RequestForHelp.Contact contact = p.number() == null ? null : new RequestForHelp.Contact(ContactChannel.SMS,
                    cipher.open(p.number(), SmsIntakeEntity.sealedAs(p.contactHash())));
            RequestForHelp asked = new RequestForHelp(p.category() == null ? HelpCategory.OTHER : p.category(),
                    Urgency.ROUTINE, p.description().isBlank() ? NO_WORDS : p.description(), place, List.of(), contact,
                    p.language(), null, null);
            return intake.submitRouted(asked, RequestIntake.Origin.requester(IntakeChannel.SMS),
                    new HubDirectory.Routing(hub, outside), p.requestId(), p.trackingCode()).map(IntakeReceipt::trackingCode);
        });
    }
}
