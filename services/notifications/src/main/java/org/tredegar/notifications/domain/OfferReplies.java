package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.contacts.VolunteersClient;
import org.tredegar.notifications.persistence.NotificationEntity;
import org.tredegar.notifications.templates.MessageTemplates;
import org.tredegar.platform.privacy.ContactCipher;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A volunteer's SMS answer to an offer: YES/NO (in any of our languages) answers their latest open offer, an offer
 * code answers that offer with yes; OFF/ON switches their duty (for people who work by text only). The number is matched by its keyed hash, the answer is passed to the volunteers
 * service on the volunteer's behalf, and the reply text is what they read back.
 */
@ApplicationScoped
public class OfferReplies {
    private static final Logger LOG = Logger.getLogger(OfferReplies.class);
    private static final Set<String> YES = Set.of("YES", "Y", "SI", "OUI", "OK", "نعم");
    private static final Set<String> NO = Set.of("NO", "N", "NON", "لا");
    /** The duty switch by text, for people without an account: OFF pauses every offer, ON resumes them. */
    private static final Set<String> OFF = Set.of("OFF", "PAUSE", "BREAK", "DESCANSO", "توقف");
    private static final Set<String> ON = Set.of("ON", "BACK", "DISPONIBLE", "متاح");

    @Inject
    ContactCipher cipher;
    @Inject
    @RestClient
    VolunteersClient volunteers;
    @Inject
    MessageTemplates templates;
    @Inject
    Hubs hubs;
    @Inject
    TimeSource clock;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** The text to answer with, or empty when the number has no offers (nothing is revealed to strangers). */
    public Uni<Optional<String>> handle(String from, String body) {
        String hash = cipher.lookupHash("sms", from);
        String answer = normalise(body);
        if (OFF.contains(answer) || ON.contains(answer)) {
            return duty(from, ON.contains(answer));
        }
        return Panache.withSession(() -> NotificationEntity.<NotificationEntity>list(
                        "replyHash = ?1 and kind = 'offer' and status = 'sent' order by sentAt desc", hash))
                .chain(offers -> {
                    if (offers.isEmpty()) {
                        return Uni.createFrom().item(Optional.<String>empty());
                    }
                    NotificationEntity latest = offers.get(0);
                    Optional<NotificationEntity> byCode = offers.stream()
                            .filter(o -> !answer.isEmpty() && answer.equals(String.valueOf(params(o).get("offerCode")))).findFirst();
                    List<NotificationEntity> open = offers.stream().filter(o -> o.answer == null && !expired(o)).toList();
                    if (byCode.isPresent()) {
                        return answer(byCode.get(), true);
                    }
                    if (YES.contains(answer) || NO.contains(answer)) {
                        if (open.isEmpty()) {
                            return reply(latest, MessageKind.OFFER_REPLY_CLOSED);
                        }
                        return answer(open.get(0), YES.contains(answer));
                    }
                    return reply(latest, MessageKind.OFFER_REPLY_UNCLEAR);
                });
    }

    /** Strangers (no volunteer has the number) get no answer, as for offers. */
    private Uni<Optional<String>> duty(String from, boolean onDuty) {
        return OwnContext.back(volunteers.dutyByContact(new VolunteersClient.DutyByContact("sms", from, onDuty)))
                .map(d -> Optional.of(templates.render(d.onDuty() ? MessageKind.DUTY_ON : MessageKind.DUTY_OFF, d.language(),
                        Map.of(), java.time.ZoneOffset.UTC).text()))
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .recoverWithItem(Optional.empty());
    }

    private Uni<Optional<String>> answer(NotificationEntity offer, boolean yes) {
        if (offer.answer != null || expired(offer)) {
            return reply(offer, MessageKind.OFFER_REPLY_CLOSED);
        }
        var call = new VolunteersClient.OfferAnswer(offer.recipientRef, "sms");
        // Back on this request's context before the answer is recorded (see OwnContext.back).
        Uni<Void> sent = OwnContext.back(yes ? volunteers.accept(offer.subjectRef, call) : volunteers.decline(offer.subjectRef, call));
        return sent.replaceWith(true)
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() / 100 == 4)
                .recoverWithItem(e -> {
                    LOG.infof("offer %s could not be answered by SMS: %s", offer.subjectRef, e.getMessage());
                    return false;
                })
                .chain(accepted -> {
                    if (!accepted) {
                        return reply(offer, MessageKind.OFFER_REPLY_CLOSED);
                    }
                    return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                    "UPDATE notifications SET answer = ?2, updated_at = ?3 WHERE id = ?1")
                            .setParameter(1, offer.id).setParameter(2, yes ? "accepted" : "declined")
                            .setParameter(3, NotificationPlanner.utc(clock.now())).executeUpdate()))
                            .chain(() -> reply(offer, yes ? MessageKind.OFFER_REPLY_ACCEPTED : MessageKind.OFFER_REPLY_DECLINED));
                });
    }

    private Uni<Optional<String>> reply(NotificationEntity offer, MessageKind kind) {
        return Uni.createFrom().item(Optional.of(
                templates.render(kind, offer.language, params(offer), hubs.zoneOf(offer.hubId)).text()));
    }

    private boolean expired(NotificationEntity offer) {
        Object expiresAt = params(offer).get("expiresAt");
        return expiresAt != null && Instant.parse(expiresAt.toString()).isBefore(clock.now());
    }

    private Map<String, Object> params(NotificationEntity n) {
        try {
            return json.readValue(n.params, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            return Map.of();
        }
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
