package org.tredegar.notifications;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.tredegar.notifications.domain.OwnContext;
import org.tredegar.notifications.domain.SendCommitHook;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails the commit that records a send, once per armed recipient: a crash between the provider call and the commit.
 * Or runs something (blocking, off the event loop) while that commit is still to come, e.g. a delivery receipt.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestCommitHook extends SendCommitHook {
    private static final Set<UUID> CRASH_ONCE = ConcurrentHashMap.newKeySet();
    private static final Set<UUID> CRASHED = ConcurrentHashMap.newKeySet();
    private static final Map<UUID, Runnable> BEFORE_COMMIT = new ConcurrentHashMap<>();

    /** The next recorded send to this recipient fails to commit. */
    public static void crashOnce(UUID recipientRef) {
        CRASH_ONCE.add(recipientRef);
    }

    /** The next recorded send to this recipient runs {@code action} before it commits (and waits for it). */
    public static void beforeCommitOnce(UUID recipientRef, Runnable action) {
        BEFORE_COMMIT.put(recipientRef, action);
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
        Runnable action = BEFORE_COMMIT.remove(recipientRef);
        if (action != null) {
            return OwnContext.back(Uni.createFrom().item(() -> {
                action.run();
                return (Void) null;
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
        }
        return Uni.createFrom().voidItem();
    }
}
