package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * Passes a text to the other side of a running task from the hub's number: their contact is asked of its owning
 * service for this one send (an audited read there) and not kept. The text is neither stored nor logged.
 */
public interface RelayChannel {
    /** True when the provider took it. */
    Uni<Boolean> pass(RecipientType to, UUID recipientRef, UUID hubId, MessageKind kind, String text);
}
