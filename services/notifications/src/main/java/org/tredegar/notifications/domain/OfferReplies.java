package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.persistence.Notifications;
import org.tredegar.platform.privacy.ContactCipher;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A volunteer's SMS answer to an offer: YES/NO (in any of our languages) answers their latest open offer, an offer
 * code answers that offer with yes; OFF/ON switches their duty (for people who work by text only). The number is
 * matched by its keyed hash, the answer is passed to the volunteers service on the volunteer's behalf, and the reply
 * text is what they read back.
 */
@ApplicationScoped
public class OfferReplies {
    private static final Set<String> YES = Set.of("YES", "Y", "SI", "OUI", "OK", "نعم");
    private static final Set<String> NO = Set.of("NO", "N", "NON", "لا");
    /** The duty switch by text, for people without an account: OFF pauses every offer, ON resumes them. */
    private static final Set<String> OFF = Set.of("OFF", "PAUSE", "BREAK", "DESCANSO", "توقف");
    private static final Set<String> ON = Set.of("ON", "BACK", "DISPONIBLE", "متاح");

    @Inject
    ContactCipher cipher;
    @Inject
    Volunteers volunteers;
    @Inject
    Notifications notifications;
    @Inject
    MessageTemplates templates;
    @Inject
    Hubs hubs;
    @Inject
    TimeSource clock;

    /** The text to answer with, or empty when the number has no offers (nothing is revealed to strangers). */
    public Uni<Optional<String>> handle(String from, String body) {
        String hash = cipher.lookupHash("sms", from);
        String answer = normalise(body);
        if (OFF.contains(answer) || ON.contains(answer)) {
            return duty(from, ON.contains(answer));
        }
        return Panache.withSession(() -> notifications.offersSentTo(hash))
                .chain(offers -> {
                    if (offers.isEmpty()) {
                        return Uni.createFrom().item(Optional.<String>empty());
                    }
                    SentOffer latest = offers.get(0);
                    Optional<SentOffer> byCode = offers.stream()
                            .filter(o -> !answer.isEmpty() && answer.equals(String.valueOf(o.params().get("offerCode")))).findFirst();
                    List<SentOffer> open = offers.stream().filter(o -> o.answer() == null && !expired(o)).toList();
                    if (byCode.isPresent()) {
                        return answer(byCode.get(), OfferAnswer.ACCEPTED);
                    }
                    if (YES.contains(answer) || NO.contains(answer)) {
                        if (open.isEmpty()) {
                            return reply(latest, MessageKind.OFFER_REPLY_CLOSED);
                        }
                        return answer(open.get(0), YES.contains(answer) ? OfferAnswer.ACCEPTED : OfferAnswer.DECLINED);
                    }
                    return reply(latest, MessageKind.OFFER_REPLY_UNCLEAR);
                });
    }

    /** Strangers (no volunteer has the number) get no answer, as for offers. */
    private Uni<Optional<String>> duty(String from, boolean onDuty) {
        return volunteers.switchDuty(from, onDuty)
                .map(switched -> switched.map(d -> templates.render(d.onDuty() ? MessageKind.DUTY_ON : MessageKind.DUTY_OFF,
                        d.language(), Map.of(), ZoneOffset.UTC).text()));
    }

    private Uni<Optional<String>> answer(SentOffer offer, OfferAnswer answer) {
        if (offer.answer() != null || expired(offer)) {
            return reply(offer, MessageKind.OFFER_REPLY_CLOSED);
        }
        return volunteers.answer(offer.offerId(), offer.volunteerId(), answer)
                .chain(taken -> {
                    if (!taken) {
                        return reply(offer, MessageKind.OFFER_REPLY_CLOSED);
                    }
                    return Panache.withTransaction(() -> notifications.recordAnswer(offer.id(), answer, clock.now()))
                            .chain(() -> reply(offer, answer == OfferAnswer.ACCEPTED
                                    ? MessageKind.OFFER_REPLY_ACCEPTED : MessageKind.OFFER_REPLY_DECLINED));
                });
    }

    private Uni<Optional<String>> reply(SentOffer offer, MessageKind kind) {
        return Uni.createFrom().item(Optional.of(
                templates.render(kind, offer.language(), offer.params(), hubs.zoneOf(offer.hubId())).text()));
    }

    private boolean expired(SentOffer offer) {
        Object expiresAt = offer.params().get("expiresAt");
        return expiresAt != null && Instant.parse(expiresAt.toString()).isBefore(clock.now());
    }

    /** "  Sí! " → "SI", "oui." → "OUI", "نعم" stays: accents and punctuation do not change an answer. */
    static String normalise(String body) {
        if (body == null) {
            return "";
        }
        String stripped = Normalizer.normalize(body.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[\\p{Punct}\\s]+", " ").strip().toUpperCase(Locale.ROOT);
    }
}
