package org.tredegar.requests.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Slugged;
import org.tredegar.requests.domain.SmsReply.Outcome;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.SmsMessageEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The answers of {@link SmsConversation}: about a request or a conversation, named by the hub that holds it (which
 * may not be the hub texted, when someone with a request at one hub texts another), and as the message id's record
 * keeps them for the same text handed on again.
 */
@ApplicationScoped
class SmsAnswers {
    @Inject
    HubDirectory hubs;

    /** The hub with this id (from the hubs in memory), or {@code texted} when it is that one or unknown. */
    Hub hubOf(UUID hubId, Hub texted) {
        List<Hub> loaded = hubs.current();
        if (loaded == null || texted.id().equals(hubId)) {
            return texted;
        }
        return loaded.stream().filter(h -> h.id().equals(hubId)).findFirst().orElse(texted);
    }

    SmsReply about(HelpRequestEntity request, Outcome outcome, Hub texted) {
        return about(outcome, hubOf(request.hubId, texted), request.id, request.trackingCode, request.language);
    }

    SmsReply about(Outcome outcome, Hub hub, UUID requestId, String trackingCode, String language) {
        return about(outcome, hub, requestId, trackingCode, language, List.of());
    }

    SmsReply about(Outcome outcome, Hub hub, UUID requestId, String trackingCode, String language,
                   List<HelpCategory> choices) {
        return new SmsReply(outcome, hub.id(), hub.slug(), requestId, trackingCode, language, choices);
    }

    /** The record of a message id and its answer. */
    SmsMessageEntity record(String messageId, SmsReply reply) {
        SmsMessageEntity m = new SmsMessageEntity();
        m.messageId = messageId;
        m.hubId = reply.hubId();
        m.outcome = reply.outcome().slug();
        m.requestId = reply.requestId();
        m.trackingCode = reply.trackingCode();
        m.language = reply.language();
        m.choices = reply.choices().stream().map(Slugged::slug).collect(Collectors.joining(","));
        m.handledAt = Instant.now();
        return m;
    }

    /** The answer a message id got the first time. */
    SmsReply replayed(SmsMessageEntity m) {
        List<Hub> loaded = hubs.current();
        String slug = loaded == null ? null : loaded.stream().filter(h -> h.id().equals(m.hubId)).map(Hub::slug)
                .findFirst().orElse(null);
        List<HelpCategory> choices = m.choices == null || m.choices.isBlank() ? List.of()
                : Arrays.stream(m.choices.split(",")).map(HelpCategory::fromSlug).toList();
        return new SmsReply(Outcome.fromSlug(m.outcome), m.hubId, slug, m.requestId, m.trackingCode, m.language, choices);
    }
}
