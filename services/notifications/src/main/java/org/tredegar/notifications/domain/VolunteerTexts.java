package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.persistence.Notifications;
import org.tredegar.notifications.persistence.TaskRelays;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A volunteer's text to the hub number: YES/NO (with or without the offer code) answers an offer, DONE and CAN'T end
 * their running task, OFF/ON switch their duty; anything else, while a task runs, is passed to the person they are
 * helping (masked relay). The volunteers service decides every change; this class only reads the text and words the
 * answer.
 */
@ApplicationScoped
public class VolunteerTexts {
    @Inject
    Volunteers volunteers;
    @Inject
    Notifications notifications;
    @Inject
    TaskRelays relays;
    @Inject
    TaskRelaying relaying;
    @Inject
    MessageTemplates templates;
    @Inject
    Hubs hubs;
    @Inject
    TimeSource clock;

    public Uni<Optional<String>> handle(InboundText text, Correspondent volunteer, String replyHash) {
        Optional<Keyword> keyword = Keyword.of(text.body());
        if (keyword.isPresent() && (keyword.get() == Keyword.OFF || keyword.get() == Keyword.ON)) {
            return duty(text.from(), keyword.get() == Keyword.ON);
        }
        if (keyword.isPresent() && (keyword.get() == Keyword.DONE || keyword.get() == Keyword.CANT)) {
            return endTask(volunteer, keyword.get() == Keyword.DONE);
        }
        return Panache.withSession(() -> notifications.offersSentTo(replyHash)).chain(offers -> {
            Answer answer = Answer.read(text.body(), offers.stream().map(o -> String.valueOf(o.params().get("offerCode"))).toList());
            if (answer.code().isPresent()) {
                Optional<SentOffer> byCode = offers.stream()
                        .filter(o -> answer.code().get().equals(String.valueOf(o.params().get("offerCode")))).findFirst();
                if (byCode.isEmpty()) {
                    return say(MessageKind.OFFER_CODE_NOT_YOURS, volunteer.language(), Map.of(), volunteer.hubId());
                }
                return this.answer(byCode.get(), answer.no() ? OfferAnswer.DECLINED : OfferAnswer.ACCEPTED);
            }
            if (answer.yes() || answer.no()) {
                List<SentOffer> open = offers.stream().filter(o -> o.answer() == null && !expired(o)).toList();
                if (open.isEmpty()) {
                    return offers.isEmpty() ? say(MessageKind.OFFER_REPLY_CLOSED, volunteer.language(), Map.of(), volunteer.hubId())
                            : reply(offers.get(0), MessageKind.OFFER_REPLY_CLOSED);
                }
                return this.answer(open.get(0), answer.yes() ? OfferAnswer.ACCEPTED : OfferAnswer.DECLINED);
            }
            return Panache.withSession(() -> relays.openForVolunteer(volunteer.recipientRef())).chain(running -> {
                if (!running.isEmpty() && !text.body().isBlank()) {
                    return relaying.toRequester(running.get(0), text.body(), volunteer.language());
                }
                return offers.isEmpty() ? say(MessageKind.OFFER_REPLY_UNCLEAR, volunteer.language(), Map.of(), volunteer.hubId())
                        : reply(offers.get(0), MessageKind.OFFER_REPLY_UNCLEAR);
            });
        });
    }

    private Uni<Optional<String>> endTask(Correspondent volunteer, boolean done) {
        return Panache.withSession(() -> relays.openForVolunteer(volunteer.recipientRef())).chain(running -> {
            if (running.isEmpty()) {
                return say(MessageKind.TASK_NONE, volunteer.language(), Map.of(), volunteer.hubId());
            }
            TaskRelay task = running.get(0);
            return volunteers.endTask(task.assignmentId(), task.volunteerId(), done).chain(end -> switch (end) {
                case ENDED -> OwnContext.transaction(() -> relays.close(task.assignmentId(), clock.now()))
                        .chain(() -> say(done ? MessageKind.TASK_DONE_REPLY : MessageKind.TASK_RELEASED_REPLY,
                                volunteer.language(), Map.of(), task.hubId()));
                case NOT_YOURS -> say(MessageKind.OFFER_CODE_NOT_YOURS, volunteer.language(), Map.of(), task.hubId());
                case ALREADY_OVER -> OwnContext.transaction(() -> relays.close(task.assignmentId(), clock.now()))
                        .chain(() -> say(MessageKind.TASK_NONE, volunteer.language(), Map.of(), task.hubId()));
            });
        });
    }

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
                    return OwnContext.transaction(() -> notifications.recordAnswer(offer.id(), answer, clock.now()))
                            .chain(() -> reply(offer, answer == OfferAnswer.ACCEPTED
                                    ? MessageKind.OFFER_REPLY_ACCEPTED : MessageKind.OFFER_REPLY_DECLINED));
                });
    }

    private Uni<Optional<String>> reply(SentOffer offer, MessageKind kind) {
        return say(kind, offer.language(), offer.params(), offer.hubId());
    }

    private Uni<Optional<String>> say(MessageKind kind, String language, Map<String, Object> params, UUID hubId) {
        return Uni.createFrom().item(Optional.of(templates.render(kind, language, params, hubs.zoneOf(hubId)).text()));
    }

    private boolean expired(SentOffer offer) {
        Object expiresAt = offer.params().get("expiresAt");
        return expiresAt != null && Instant.parse(expiresAt.toString()).isBefore(clock.now());
    }

    /**
     * "YES", "no", "yes K7Q2MX", "K7Q2MX", "yes please": the answer and the offer code it names, if any. A word after
     * YES/NO is a code when it is one of the codes this phone was sent, or looks like one (letters and digits with a
     * digit: a mistyped code must not count as "yes" to some other offer); any other word ("please") is just talk.
     */
    record Answer(boolean yes, boolean no, Optional<String> code) {
        static Answer read(String body, List<String> codesSent) {
            String[] words = Keyword.normalise(body).split(" ");
            Optional<Keyword> first = Keyword.of(words[0]);
            boolean yes = first.filter(k -> k == Keyword.YES).isPresent();
            boolean no = first.filter(k -> k == Keyword.NO).isPresent();
            List<String> rest = Arrays.asList(words).subList(yes || no ? 1 : 0, words.length);
            if (rest.isEmpty()) {
                return new Answer(yes, no, Optional.empty());
            }
            if (rest.size() == 1 && (codesSent.contains(rest.get(0)) || looksLikeCode(rest.get(0)))) {
                return new Answer(yes, no, Optional.of(rest.get(0)));
            }
            boolean politeAnswer = (yes || no) && rest.size() == 1 && rest.get(0).chars().allMatch(Character::isLetter);
            return politeAnswer ? new Answer(yes, no, Optional.empty()) : new Answer(false, false, Optional.empty());
        }

        /** Offer codes are 4–8 letters and digits; without the list of codes sent, only one with a digit is surely one. */
        static boolean looksLikeCode(String word) {
            return word.matches("[A-Z0-9]{4,8}") && word.chars().anyMatch(Character::isDigit);
        }
    }
}
