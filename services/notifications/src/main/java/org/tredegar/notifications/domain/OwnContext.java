package org.tredegar.notifications.domain;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs a piece of work on a Vert.x context of its own. Hibernate Reactive keeps the current session on the Vert.x
 * context, so sends that run side by side (merge(n)) and each open a transaction must not share one: they would
 * close each other's session ("Transaction already completed", "No current Mutiny.Session found").
 */
public final class OwnContext {
    private OwnContext() {
    }

    public static <T> Uni<T> run(Supplier<Uni<? extends T>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return Uni.createFrom().deferred(work);
        }
        Context own = VertxContext.createNewDuplicatedContext(current);
        return Uni.createFrom().deferred(work).runSubscriptionOn(task -> own.runOnContext(ignored -> task.run()));
    }
}
