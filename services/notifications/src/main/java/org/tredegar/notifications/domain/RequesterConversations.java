package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

/**
 * The requests service's side of a text from someone asking for help: it opens, asks about, appends to or reopens
 * their request and says which step the conversation is at. This service only words the answer.
 */
public interface RequesterConversations {
    Uni<Step> pass(InboundText text);

    /** Where the conversation is now; {@code choices} are the category slugs a number answer picks from. */
    record Step(Outcome outcome, UUID hubId, UUID requestId, String language, List<String> choices) {
    }

    enum Outcome {
        ASKED_WHAT("asked-what"), ASKED_WHERE("asked-where"), SUBMITTED("submitted"), APPENDED("appended"),
        REOPENED("reopened"), CLOSED("closed"),
        /** The requests service does not know the hub number, or could not be reached: nothing was recorded. */
        NOT_TAKEN("not-taken");

        private final String slug;

        Outcome(String slug) {
            this.slug = slug;
        }

        public static Outcome of(String slug) {
            for (Outcome o : values()) {
                if (o.slug.equals(slug)) {
                    return o;
                }
            }
            return NOT_TAKEN;
        }
    }
}
