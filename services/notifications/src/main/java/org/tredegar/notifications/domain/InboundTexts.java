package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.persistence.SentTexts;
import org.tredegar.notifications.persistence.TaskRelays;
import org.tredegar.platform.privacy.ContactCipher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one route for every text to a hub number (ADR 0010). It decides, in this order and in this one place:
 * <ol>
 *   <li>STOP, START and HELP, in any of our languages, before any conversation sees the text;</li>
 *   <li>a volunteer we texted from this number: their answer, DONE/CAN'T, OFF/ON, or a text for the person they help
 *       ({@link VolunteerTexts});</li>
 *   <li>a requester whose task is running: passed to their volunteer ({@link TaskRelaying});</li>
 *   <li>anyone else — a requester's answer, a follow-up answer, a new request — to the requests service, which owns
 *       that conversation ({@link RequesterConversations}); we word its answer in the person's language.</li>
 * </ol>
 * Who a number is comes from what we last sent to it (a keyed hash, {@link SentTexts}); the number is not stored.
 * The answer is the text to send back at once (TwiML), or empty for silence.
 */
@ApplicationScoped
public class InboundTexts {
    /** How far back a number's earlier messages tell us who it is. */
    static final Duration MEMORY = Duration.ofDays(30);

    @Inject
    ContactCipher cipher;
    @Inject
    SentTexts sentTexts;
    @Inject
    TaskRelays relays;
    @Inject
    HubLines hubLines;
    @Inject
    SmsOptOutList optOuts;
    @Inject
    VolunteerTexts volunteerTexts;
    @Inject
    TaskRelaying relaying;
    @Inject
    RequesterConversations requesters;
    @Inject
    Volunteers volunteers;
    @Inject
    MessageTemplates templates;
    @Inject
    Hubs hubs;
    @Inject
    TimeSource clock;

    public Uni<Optional<String>> receive(InboundText text) {
        if (!isPhoneNumber(text.from())) {
            return silence(); // withheld or alphanumeric senders cannot be answered, and cannot be told apart
        }
        String hash = cipher.lookupHash("sms", text.from());
        return hubLines.at(text.to()).chain(line -> Panache.withSession(
                        () -> sentTexts.correspondentsOf(hash, clock.now().minus(MEMORY)))
                .chain(known -> route(text, hash, line, known)));
    }

    private Uni<Optional<String>> route(InboundText text, String hash, Optional<HubLines.HubLine> line, List<Correspondent> known) {
        Optional<Keyword> keyword = Keyword.of(text.body());
        String language = Keyword.languageOf(text.body())
                .orElse(known.isEmpty() ? "en" : known.get(0).language());
        UUID hubId = line.map(HubLines.HubLine::hubId).orElse(known.isEmpty() ? null : known.get(0).hubId());
        if (keyword.isPresent()) {
            switch (keyword.get()) {
                case STOP:
                    return optOuts.stop(text.from()).chain(() -> say(MessageKind.SMS_STOPPED, language, Map.of(), hubId));
                case START:
                    return optOuts.start(text.from()).chain(() -> say(MessageKind.SMS_STARTED, language, Map.of(), hubId));
                case HELP:
                    return help(language, line, hubId);
                default:
                    break;
            }
        }
        Optional<Correspondent> volunteer = known.stream().filter(Correspondent::isVolunteer).findFirst();
        if (volunteer.isPresent()) {
            return volunteerTexts.handle(text, volunteer.get(), hash);
        }
        if (keyword.isPresent() && (keyword.get() == Keyword.OFF || keyword.get() == Keyword.ON)) {
            // A volunteer who has never had a text from us yet switches duty the same way; anyone else gets help.
            return volunteers.switchDuty(text.from(), keyword.get() == Keyword.ON).chain(switched -> switched.isPresent()
                    ? say(switched.get().onDuty() ? MessageKind.DUTY_ON : MessageKind.DUTY_OFF, switched.get().language(), Map.of(), hubId)
                    : help(language, line, hubId));
        }
        List<UUID> requests = known.stream().filter(Correspondent::isRequester).map(Correspondent::recipientRef).toList();
        return runningTask(requests, 0).chain(task -> task.isPresent() && !text.body().isBlank()
                ? relaying.toVolunteer(task.get(), text.body(), language)
                : converse(text, language));
    }

    /** The running task of the latest of these requests that has one. */
    private Uni<Optional<TaskRelay>> runningTask(List<UUID> requestIds, int index) {
        if (index >= requestIds.size()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.withSession(() -> relays.openForRequest(requestIds.get(index)))
                .chain(found -> found.isPresent() ? Uni.createFrom().item(found) : runningTask(requestIds, index + 1));
    }

    private Uni<Optional<String>> converse(InboundText text, String fallbackLanguage) {
        return requesters.pass(text).chain(step -> {
            String language = step.language() != null ? step.language() : fallbackLanguage;
            return switch (step.outcome()) {
                case ASKED_WHAT -> say(MessageKind.INTAKE_ASK_WHAT, language, Map.of("choices", step.choices()), step.hubId());
                case ASKED_WHERE -> say(MessageKind.INTAKE_ASK_WHERE, language, Map.of(), step.hubId());
                case APPENDED -> say(MessageKind.REQUEST_APPENDED, language, Map.of(), step.hubId());
                case REOPENED -> say(MessageKind.FOLLOW_UP_REOPENED, language, Map.of(), step.hubId());
                case CLOSED -> say(MessageKind.FOLLOW_UP_CLOSED, language, Map.of(), step.hubId());
                // "We have your request", with its tracking code, follows as a message of its own (RequestSubmitted).
                case SUBMITTED -> silence();
                case NOT_TAKEN -> say(MessageKind.TEXT_NOT_TAKEN, language, Map.of(), step.hubId());
            };
        });
    }

    private Uni<Optional<String>> help(String language, Optional<HubLines.HubLine> line, UUID hubId) {
        return say(MessageKind.SMS_HELP, language, Map.of("hubName", line.map(HubLines.HubLine::name).orElse("Tredegar")), hubId);
    }

    private Uni<Optional<String>> say(MessageKind kind, String language, Map<String, Object> params, UUID hubId) {
        // No hub known (a number no hub has): the default zone (hubs.zoneOf takes null for that).
        return Uni.createFrom().item(Optional.of(templates.render(kind, language, params, hubs.zoneOf(hubId)).text()));
    }

    private static Uni<Optional<String>> silence() {
        return Uni.createFrom().item(Optional.empty());
    }

    /** E.164-ish: a plus or a digit, then digits and the punctuation people type; not "anonymous", not "Tredegar". */
    static boolean isPhoneNumber(String from) {
        return from != null && from.strip().matches("\\+?[0-9][0-9 ()-]{5,19}");
    }
}
