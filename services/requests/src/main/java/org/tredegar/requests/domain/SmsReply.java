package org.tredegar.requests.domain;

import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Slugged;

import java.util.List;
import java.util.UUID;

/**
 * Where a conversation by text stands after a text: what to tell the person is the notifications service's to word,
 * in their language. {@code choices}: the categories a number answers "what do you need?" with (1..N), only with
 * {@link Outcome#ASKED_WHAT}; {@code requestId} and {@code trackingCode} once there is a request.
 */
public record SmsReply(Outcome outcome, UUID hubId, String hubSlug, UUID requestId, String trackingCode, String language,
                       List<HelpCategory> choices) {
    public SmsReply {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public enum Outcome implements Slugged {
        /** We need to know what is needed: the person answers with a number of {@code choices} or in words. */
        ASKED_WHAT("asked-what"),
        /** We need to know where: a postcode, a district, a street or a place the hub knows. */
        ASKED_WHERE("asked-where"),
        /** The request exists, through the normal intake. */
        SUBMITTED("submitted"),
        /** The text was added to the person's open request. */
        APPENDED("appended"),
        /** "Yes" to "do you still need help?": the fulfilled request is open again. */
        REOPENED("reopened"),
        /** "No", "all good", "thanks" to it: recorded, nothing reopens. */
        CLOSED("closed");

        private final String slug;

        Outcome(String slug) {
            this.slug = slug;
        }

        @Override
        public String slug() {
            return slug;
        }

        public static Outcome fromSlug(String slug) {
            return Slugged.fromSlug(Outcome.class, slug);
        }
    }

    SmsReply withTrackingCode(String code) {
        return new SmsReply(outcome, hubId, hubSlug, requestId, code, language, choices);
    }
}
