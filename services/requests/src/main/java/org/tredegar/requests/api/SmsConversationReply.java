package org.tredegar.requests.api;

import org.tredegar.contracts.model.Slugged;
import org.tredegar.requests.domain.SmsReply;

import java.util.List;
import java.util.UUID;

/**
 * Where the conversation stands: {@code outcome} is one of asked-what, asked-where, submitted, appended, reopened,
 * closed; {@code choices} (category slugs, answered by number 1..N) only with asked-what, else empty;
 * {@code requestId} and {@code trackingCode} once there is a request, else null.
 */
public record SmsConversationReply(String outcome, UUID hubId, String hubSlug, UUID requestId, String trackingCode,
                                   String language, List<String> choices) {
    static SmsConversationReply of(SmsReply reply) {
        return new SmsConversationReply(reply.outcome().slug(), reply.hubId(), reply.hubSlug(), reply.requestId(),
                reply.trackingCode(), reply.language(), reply.choices().stream().map(Slugged::slug).toList());
    }
}
