package org.tredegar.notifications.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Keeps each piece of work on a Vert.x context of its own. Hibernate Reactive keeps the current session on the
 * Vert.x context, and {@code Panache.withTransaction} joins whatever session it finds there. Two pieces of work that
 * open transactions on one context therefore share one session and close it under each other ("Transaction already
 * completed", "No current Mutiny.Session found", "Live transaction detected while closing the connection") — and a
 * session nobody closes keeps its pooled connection for good.
 */
public final class OwnContext {
    private OwnContext() {
    }

    /** Runs {@code work} on a new duplicated context of the current one (sends side by side, {@code merge(n)}). */
    public static <T> Uni<T> run(Supplier<Uni<? extends T>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return Uni.createFrom().deferred(work);
        }
        return run(current, work);
    }

    /** Runs {@code work} on a new duplicated context of {@code base} (e.g. an event loop's, off any context). */
    public static <T> Uni<T> run(Context base, Supplier<Uni<? extends T>> work) {
        Context own = VertxContext.createNewDuplicatedContext(base);
        // Ours alone: Hibernate Reactive Panache refuses a duplicated context nobody has vouched for.
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().deferred(work).runSubscriptionOn(task -> own.runOnContext(ignored -> task.run()));
    }

    /** A transaction in a context of its own: it can neither join nor close a session that another send holds. */
    public static <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        return run(() -> Panache.withTransaction(work));
    }

    /**
     * A remote call whose answer (item or failure) comes back on the caller's context, whichever context the
     * library answers on. Libraries do not always answer where they were asked: the OIDC client makes one token
     * request for every caller waiting for a token and tells them all on the context of the caller that made it; a
     * pooled connection may answer on the context that opened it. Whatever follows the call (a transaction
     * recording the outcome) must run where this send's own state lives, not in another send's context.
     */
    public static <T> Uni<T> back(Uni<T> remote) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            if (caller == null) {
                return remote;
            }
            // Always through the context's own executor: the answer may come on a worker thread that carries the
            // caller's context (Quarkus propagates it), where Hibernate Reactive must not be used.
            return remote.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
