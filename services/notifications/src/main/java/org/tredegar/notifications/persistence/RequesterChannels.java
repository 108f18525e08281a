package org.tredegar.notifications.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import static org.tredegar.platform.persistence.SqlTime.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code requester_channels} ({@link RequesterChannelEntity}): how each requester asked to be reached, the channel's
 * name only, from RequestSubmitted. In the caller's session or transaction.
 */
@ApplicationScoped
public class RequesterChannels {
    /** The channel's name ({@code sms}, {@code email}, {@code phone}, {@code none}) and the requester's language. */
    public record Known(String channel, String language, Instant windowFrom) {
    }

    /** The first word is kept: a redelivered RequestSubmitted changes nothing. */
    public Uni<Void> remember(UUID requestId, UUID hubId, String channel, String language, Instant windowFrom) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO requester_channels (request_id, hub_id, channel, "
                                + "language, window_from) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, requestId).setParameter(2, hubId).setParameter(3, channel).setParameter(4, language)
                .setParameter(5, windowFrom == null ? null : utc(windowFrom))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Known>> find(UUID requestId) {
        return RequesterChannelEntity.<RequesterChannelEntity>findById(requestId)
                .map(known -> Optional.ofNullable(known).map(k -> new Known(k.channel, k.language,
                        k.windowFrom == null ? null : k.windowFrom.toInstant())));
    }
}
