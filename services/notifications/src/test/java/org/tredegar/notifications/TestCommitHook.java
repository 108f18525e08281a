package org.tredegar.notifications;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.tredegar.notifications.domain.SendCommitHook;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Fails the commit that records a send, once per armed recipient: a crash between the provider call and the commit. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestCommitHook extends SendCommitHook {
    private static final Set<UUID> CRASH_ONCE = ConcurrentHashMap.newKeySet();
    private static final Set<UUID> CRASHED = ConcurrentHashMap.newKeySet();

    /** The next recorded send to this recipient fails to commit. */
    public static void crashOnce(UUID recipientRef) {
        CRASH_ONCE.add(recipientRef);
    }

    public static boolean crashed(UUID recipientRef) {
        return CRASHED.contains(recipientRef);
    }

    @Override
    public Uni<Void> beforeCommit(UUID notificationId, UUID recipientRef) {
        if (CRASH_ONCE.remove(recipientRef)) {
            CRASHED.add(recipientRef);
            return Uni.createFrom().failure(new IllegalStateException("simulated crash before commit"));
        }
        return Uni.createFrom().voidItem();
    }
}
