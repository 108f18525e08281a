package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Runs inside the transaction that records a send, after the provider took the message. Does nothing in the
 * service; tests replace it to fail that commit, which is what a crash between send and commit looks like.
 */
@ApplicationScoped
public class SendCommitHook {
    public Uni<Void> beforeCommit(UUID notificationId, UUID recipientRef) {
        return Uni.createFrom().voidItem();
    }
}
