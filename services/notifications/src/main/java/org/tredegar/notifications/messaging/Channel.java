package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Optional;

/** A way to reach a person (SMS, email). */
public interface Channel {
    /** "sms" or "email": the contact channel it serves. */
    String name();

    /** Sends and answers the provider's reference for the message; fails with {@link ProviderException}. */
    Uni<String> send(OutgoingMessage message);

    /**
     * After a crash between a send and its commit: did the provider already take this message? Answers the
     * provider's reference if so. A channel that cannot be asked answers empty, and the message is sent again
     * under the same idempotency key.
     */
    Uni<Optional<String>> alreadySent(OutgoingMessage message, Instant since);
}
