package org.tredegar.requests.domain;

import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.requests.persistence.SmsIntakeEntity;
import org.tredegar.requests.persistence.SmsIntakeEntity.Step;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The questions of a request by text, at most two: what is needed (skipped when the first text says it), and where
 * (skipped when it names a place the hub knows). An unclear answer to "what" is asked once more, the second time it
 * is taken as {@code other}; an answer to "where" that names no known place is kept in the description, the place
 * left for a coordinator. Nothing loops, and nothing the person wrote is thrown away. Decides only: the caller
 * stores the conversation and writes the request once the step is {@link Step#SUBMITTING}.
 */
final class SmsIntakeSteps {
    static final int MAX_DESCRIPTION = 4096;
    /** Unclear answers to one question before the conversation moves on without it. */
    static final int UNCLEAR_LIMIT = 2;
    /** Written before a kept answer to "where", so a coordinator reads it as the place (hub staff read English). */
    static final String WHERE_LABEL = "Where: ";

    private SmsIntakeSteps() {
    }

    /**
     * A first text, in its language (else {@code defaultLanguage}): as far as it goes on its own. {@code e} is new, or
     * the row an earlier conversation of the number left (every field is set again).
     */
    static void start(SmsIntakeEntity e, Hub hub, String contactHash, String body, String textHash, String defaultLanguage,
                      ContactCipher.Sealed number, Instant now) {
        SmsWords.Prefixed said = SmsWords.prefixed(body);
        e.contactHash = contactHash;
        e.hubId = hub.id();
        e.language = said.language() != null ? said.language() : defaultLanguage;
        e.description = "";
        append(e, said.text());
        e.category = SmsWords.category(said.text()).orElse(null);
        e.area = null;
        e.lat = null;
        e.lon = null;
        SmsPlaces.in(hub, said.text()).ifPresent(place -> place(e, place));
        e.unclear = 0;
        e.requestId = null;
        e.trackingCode = null;
        e.submittedAt = null;
        e.firstTextHash = textHash;
        e.lastTextHash = textHash;
        e.keyId = number.keyId();
        e.nonce = number.nonce();
        e.ciphertext = number.ciphertext();
        e.createdAt = now;
        e.updatedAt = now;
        e.step = Step.ASKED_WHAT; // moved on by next(): a first text that says what and where is submitted at once
        next(e);
    }

    /**
     * A text while a question is open. The first text again, or the last one again, is not an answer: the question is
     * asked again and nothing changes (phones resend, people resend when no reply comes quickly).
     */
    static void answer(SmsIntakeEntity e, Hub hub, String body, String textHash, Instant now) {
        SmsWords.Prefixed said = SmsWords.prefixed(body);
        String text = said.text();
        boolean wordless = SmsWords.wordless(text);
        if (!wordless && (textHash.equals(e.firstTextHash) || textHash.equals(e.lastTextHash))) {
            return;
        }
        if (said.language() != null) {
            e.language = said.language();
        }
        e.lastTextHash = textHash;
        e.updatedAt = now;
        if (e.step == Step.ASKED_WHAT) {
            answerWhat(e, hub, text, wordless);
        } else if (e.step == Step.ASKED_WHERE) {
            answerWhere(e, hub, text, wordless);
        }
    }

    private static void answerWhat(SmsIntakeEntity e, Hub hub, String text, boolean wordless) {
        Optional<RequestForHelp.Place> place = SmsPlaces.in(hub, text);
        Optional<HelpCategory> chosen = SmsWords.choice(text);
        if (chosen.isEmpty() && place.isPresent()) {
            chosen = SmsWords.leadingChoice(text); // "2, Castle Street" answers both questions
        }
        if (chosen.isEmpty()) {
            chosen = SmsWords.category(text);
            if (!wordless) {
                append(e, text); // more words about the need, whether or not they name it
            }
        }
        if (e.area == null) {
            place.ifPresent(p -> place(e, p));
        }
        if (chosen.isPresent()) {
            e.category = chosen.get();
        } else if (++e.unclear >= UNCLEAR_LIMIT) {
            e.category = HelpCategory.OTHER;
        }
        next(e);
    }

    private static void answerWhere(SmsIntakeEntity e, Hub hub, String text, boolean wordless) {
        Optional<RequestForHelp.Place> place = SmsPlaces.in(hub, text);
        if (place.isPresent()) {
            place(e, place.get());
        } else if (wordless) {
            if (++e.unclear < UNCLEAR_LIMIT) {
                return; // asked again
            }
        } else {
            append(e, WHERE_LABEL + text);
        }
        submitting(e);
    }

    /** The next question, or the request once nothing more is to be asked. */
    private static void next(SmsIntakeEntity e) {
        if (e.category == null) {
            e.step = Step.ASKED_WHAT;
        } else if (e.area == null && e.step != Step.ASKED_WHERE) {
            e.step = Step.ASKED_WHERE;
            e.unclear = 0;
        } else {
            submitting(e);
        }
    }

    /**
     * Nothing more to ask (or nobody answered in time): the request's id and tracking code are chosen now and stored
     * with the conversation before anything is written, so writing it again can only find it, never make a second.
     */
    static void submitting(SmsIntakeEntity e) {
        if (e.category == null) {
            e.category = HelpCategory.OTHER;
        }
        e.step = Step.SUBMITTING;
        e.requestId = UUID.randomUUID();
        e.trackingCode = TrackingCodes.next();
    }

    private static void place(SmsIntakeEntity e, RequestForHelp.Place place) {
        e.area = place.area();
        e.lat = place.lat();
        e.lon = place.lon();
    }

    /** Adds a line to what the person wrote, cut at {@link #MAX_DESCRIPTION} characters (as a request keeps it). */
    static void append(SmsIntakeEntity e, String text) {
        String line = text == null ? "" : text.strip();
        if (line.isEmpty()) {
            return;
        }
        String added = e.description.isEmpty() ? line : e.description + "\n" + line;
        e.description = added.length() <= MAX_DESCRIPTION ? added : added.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
