package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.requests.v1.RequestUpdated;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.requests.domain.SmsReply.Outcome;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.HelpRequests;
import org.tredegar.requests.persistence.SmsIntakeEntity;
import org.tredegar.requests.persistence.SmsMessageEntity;
import org.tredegar.requests.persistence.SmsIntakeEntity.Step;
import org.tredegar.requests.persistence.SmsIntakes;
import org.tredegar.requests.persistence.SmsMessages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A person texting a hub's number (handed on by the notifications service, which answers STOP/HELP, volunteers and
 * relayed texts itself). Their number, as a keyed hash, ties the texts together:
 * <ol>
 * <li>a conversation under way ({@link SmsIntakeSteps}: what is needed, where) takes the text as its answer;</li>
 * <li>the first text again, within {@link #REPEAT_WINDOW} after it became a request, is answered with that request;</li>
 * <li>an open request gets the text added (RequestUpdated);</li>
 * <li>after help was given, "yes" reopens the request, "no"/"thanks" closes it (the follow-up's answer);</li>
 * <li>anything else starts a conversation, which may become a request at once when the text says what and where.</li>
 * </ol>
 * Each text is handled holding its number's lock, in one transaction with the record of its message id and answer:
 * the same message id again gets the first answer and changes nothing.
 */
@ApplicationScoped
public class SmsConversation {
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(2);
    /** How many times a text waits for an earlier conversation's request to be written before it is handled. */
    static final int TRIES = 3;
    private static final String SMS = ContactChannel.SMS.slug();
    /** What the keyed hash of a text's words is made under, apart from the hashes of contacts. */
    private static final String TEXT_HASH = "sms-text";

    @Inject
    ContactCipher cipher;
    @Inject
    HubDirectory hubs;
    @Inject
    HelpRequests requests;
    @Inject
    RequestTransitions transitions;
    @Inject
    OutboxWriter outbox;
    @Inject
    SmsIntakes intakes;
    @Inject
    SmsMessages messages;
    @Inject
    SmsIntakeSubmission submission;
    @Inject
    SmsAnswers answers;

    @ConfigProperty(name = "tredegar.sms.default-language", defaultValue = "en")
    String defaultLanguage;

    /**
     * What the transaction decided: the answer, and a request to write once it has committed ({@code write}); or, when
     * an earlier conversation's request is still being written ({@code reply} null), that request to write before
     * this text is handled again.
     */
    private record Decision(SmsReply reply, SmsIntakeSubmission.Pending write) {
        static Decision answer(SmsReply reply) {
            return new Decision(reply, null);
        }
    }

    /** Thrown to undo a transaction that found its message id recorded by a call that did not wait for it. */
    private static final class AlreadyAnswered extends RuntimeException {
        AlreadyAnswered() {
            super(null, null, false, false);
        }
    }

    public Uni<SmsReply> receive(SmsText text) {
        return hubs.atSmsNumber(text.to()).chain(hub -> handle(hub, text, TRIES));
    }

    private Uni<SmsReply> handle(Hub hub, SmsText text, int tries) {
        String number = cipher.lookupHash(SMS, text.from());
        return Panache.withTransaction(() -> intakes.holdNumber(number)
                        .chain(() -> messages.answerOf(text.messageId()))
                        .chain(seen -> seen != null ? replay(seen, number) : decideAndRecord(hub, text, number)))
                .onFailure(AlreadyAnswered.class).recoverWithUni(() -> again(hub, text, tries).map(Decision::answer))
                .chain(d -> carryOut(d, hub, text, tries));
    }

    private Uni<Decision> decideAndRecord(Hub hub, SmsText text, String number) {
        return decide(hub, text, number).call(d -> d.reply() == null ? Uni.createFrom().voidItem()
                : messages.record(answers.record(text.messageId(), d.reply())).invoke(recorded -> {
                    if (!recorded) {
                        throw new AlreadyAnswered();
                    }
                }));
    }

    /**
     * The first answer again. If it said "submitted", the first call may have ended after recording it and before the
     * request was written (the intake writes on its own connection): that request is written now.
     */
    private Uni<Decision> replay(SmsMessageEntity seen, String number) {
        SmsReply reply = answers.replayed(seen);
        if (reply.outcome() != Outcome.SUBMITTED) {
            return Uni.createFrom().item(Decision.answer(reply));
        }
        return intakes.lock(number).map(intake -> intake != null && intake.step == Step.SUBMITTING
                && reply.requestId().equals(intake.requestId)
                ? new Decision(reply, SmsIntakeSubmission.Pending.of(intake)) : Decision.answer(reply));
    }

    /** After the transaction: writes the request it decided on, or an earlier one and then handles the text again. */
    private Uni<SmsReply> carryOut(Decision d, Hub hub, SmsText text, int tries) {
        if (d.write() == null) {
            return Uni.createFrom().item(d.reply());
        }
        Uni<String> written = submission.complete(d.write());
        return d.reply() != null ? written.map(d.reply()::withTrackingCode) : written.chain(ignored -> again(hub, text, tries));
    }

    private Uni<SmsReply> again(Hub hub, SmsText text, int tries) {
        return tries > 1 ? handle(hub, text, tries - 1)
                : Uni.createFrom().failure(new IllegalStateException("text " + text.messageId() + " could not be handled"));
    }

    private Uni<Decision> decide(Hub textedHub, SmsText text, String number) {
        Instant now = Instant.now();
        String textHash = cipher.lookupHash(TEXT_HASH, text.body().strip());
        return intakes.lock(number).chain(intake -> {
            if (intake != null && (intake.step == Step.ASKED_WHAT || intake.step == Step.ASKED_WHERE)) {
                Hub hub = answers.hubOf(intake.hubId, textedHub);
                SmsIntakeSteps.answer(intake, hub, text.body(), textHash, now);
                return Uni.createFrom().item(asked(intake, hub));
            }
            if (intake != null && intake.step == Step.SUBMITTING) {
                return Uni.createFrom().item(new Decision(null, SmsIntakeSubmission.Pending.of(intake)));
            }
            if (intake != null && textHash.equals(intake.firstTextHash) && intake.submittedAt != null
                    && intake.submittedAt.isAfter(now.minus(REPEAT_WINDOW))) {
                return Uni.createFrom().item(Decision.answer(answers.about(Outcome.SUBMITTED,
                        answers.hubOf(intake.hubId, textedHub), intake.requestId, intake.trackingCode, intake.language)));
            }
            return requests.latestOpenFrom(number).chain(open -> {
                if (open != null) {
                    return append(open, text.body()).map(r -> Decision.answer(answers.about(r, Outcome.APPENDED, textedHub)));
                }
                return requests.latestFulfilledOrClosedFrom(number).chain(done -> followUp(done, text.body(), textedHub))
                        .chain(answered -> answered != null ? Uni.createFrom().item(Decision.answer(answered))
                                : start(intake, textedHub, text, number, textHash, now));
            });
        });
    }

    /** The answer to "do you still need help?", or null when the text is no such answer. */
    private Uni<SmsReply> followUp(HelpRequestEntity done, String body, Hub textedHub) {
        if (done == null) {
            return Uni.createFrom().nullItem();
        }
        if (done.status == RequestStatus.FULFILLED && SmsWords.yes(body)) {
            return transitions.reopen(done.id, RequestTransitions.STILL_NEEDS_HELP, Actors.REQUESTER)
                    .map(r -> answers.about(r, Outcome.REOPENED, textedHub));
        }
        if (SmsWords.no(body)) {
            // Fulfilled: the person says help arrived, as on the tracking page. Already closed: a second thank-you.
            Uni<HelpRequestEntity> closed = done.status == RequestStatus.FULFILLED
                    ? transitions.close(done.id, RequestTransitions.HELP_ARRIVED, Actors.REQUESTER)
                    : Uni.createFrom().item(done);
            return closed.map(r -> answers.about(r, Outcome.CLOSED, textedHub));
        }
        return Uni.createFrom().nullItem();
    }

    /** A new conversation (in the row an earlier one left, if any), as far as the first text takes it. */
    private Uni<Decision> start(SmsIntakeEntity earlier, Hub hub, SmsText text, String number, String textHash, Instant now) {
        SmsIntakeEntity intake = earlier != null ? earlier : new SmsIntakeEntity();
        SmsIntakeSteps.start(intake, hub, number, text.body(), textHash, defaultLanguage,
                cipher.seal(text.from(), SmsIntakeEntity.sealedAs(number)), now);
        Uni<?> stored = earlier != null ? Uni.createFrom().voidItem() : intake.persist();
        return stored.map(ignored -> asked(intake, hub));
    }

    /** The question now open, or the request to write when none is left. */
    private Decision asked(SmsIntakeEntity intake, Hub hub) {
        return switch (intake.step) {
            case ASKED_WHAT -> Decision.answer(answers.about(Outcome.ASKED_WHAT, hub, null, null, intake.language,
                    SmsWords.CHOICES));
            case ASKED_WHERE -> Decision.answer(answers.about(Outcome.ASKED_WHERE, hub, null, null, intake.language, List.of()));
            case SUBMITTING, SUBMITTED -> new Decision(answers.about(Outcome.SUBMITTED, hub, intake.requestId,
                    intake.trackingCode, intake.language), SmsIntakeSubmission.Pending.of(intake));
        };
    }

    /** Adds the text to the open request (a text with no characters at all adds nothing). */
    private Uni<HelpRequestEntity> append(HelpRequestEntity request, String body) {
        String line = body.strip();
        if (line.isEmpty()) {
            return Uni.createFrom().item(request);
        }
        String added = request.description + "\n" + line;
        request.description = added.length() <= SmsIntakeSteps.MAX_DESCRIPTION ? added
                : added.substring(0, SmsIntakeSteps.MAX_DESCRIPTION - 1) + "…";
        request.updatedAt = Instant.now();
        return outbox.append(new RequestUpdated(request.id, request.hubId, request.description, null, Actors.REQUESTER,
                request.updatedAt)).replaceWith(request);
    }
}
