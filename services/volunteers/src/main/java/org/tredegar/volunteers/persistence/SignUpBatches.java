package org.tredegar.volunteers.persistence;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Group commit for first sign-ups: sign-ups that arrive while earlier ones are being written share the next
 * statement ({@link SignUpStatement#insertNew}), so a flood costs a few commits instead of one per sign-up (as the
 * requests service's intake does).
 * <p>
 * No timer and no waiting when idle: a sign-up is written at once if fewer than {@code max-in-flight} statements are
 * running; otherwise it waits for the next free slot and goes with everything that queued meanwhile (up to
 * {@code max-size}). A sign-up whose contact is in a statement now running (or already in the next one) waits for
 * that one to commit: it then finds it open and is answered "not inserted", and no two statements ever wait on each
 * other's rows. A statement that fails is retried row by row, so one bad sign-up never fails the others.
 * <p>
 * Each answer is delivered on the Vert.x context of the call that queued it (the statement's result arrives on
 * whichever context ran it), so the caller may go on with a Hibernate Reactive session of its own.
 */
@ApplicationScoped
public class SignUpBatches {
    @Inject
    SignUpStatement statement;

    @ConfigProperty(name = "tredegar.sign-ups.batch.max-size", defaultValue = "100")
    int maxSize;
    @ConfigProperty(name = "tredegar.sign-ups.batch.max-in-flight", defaultValue = "2")
    int maxInFlight;

    private record Pending(SignUpStatement.NewSignUp signUp, Context context, UniEmitter<? super Boolean> emitter) {
        void inserted(boolean inserted) {
            deliver(() -> emitter.complete(inserted));
        }

        void failed(Throwable failure) {
            deliver(() -> emitter.fail(failure));
        }

        private void deliver(Runnable answer) {
            if (context == null) {
                answer.run();
            } else {
                context.runOnContext(ignored -> answer.run());
            }
        }
    }

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int inFlight;
    /** Lookup hashes in statements now running. */
    private final Set<String> contactsInFlight = new HashSet<>();

    /**
     * Completes once the statement that took the sign-up has committed: true if it inserted it, false if its contact
     * already had an open sign-up (then nothing of it was written).
     */
    public Uni<Boolean> insert(SignUpStatement.NewSignUp signUp) {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                queue.add(new Pending(signUp, Vertx.currentContext(), emitter));
            }
            flush();
        });
    }

    private void flush() {
        List<Pending> batch;
        synchronized (this) {
            if (inFlight >= maxInFlight || queue.isEmpty()) {
                return;
            }
            batch = take();
            if (batch.isEmpty()) {
                return;
            }
            inFlight++;
        }
        Uni.createFrom().deferred(() -> statement.insertNew(rows(batch))).subscribe().with(inserted -> {
            done(batch);
            for (Pending p : batch) {
                p.inserted(inserted.contains(p.signUp().id()));
            }
        }, failure -> {
            done(batch);
            if (batch.size() == 1) {
                batch.get(0).failed(failure);
                return;
            }
            // Whatever went wrong may concern one sign-up only: each on its own, outside the batching.
            for (Pending p : batch) {
                Uni.createFrom().deferred(() -> statement.insertNew(List.of(p.signUp()))).subscribe().with(
                        inserted -> p.inserted(inserted.contains(p.signUp().id())), p::failed);
            }
        });
    }

    /** The next statement's sign-ups in arrival order, leaving queued any whose contact is in a running or this one. */
    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxSize));
        Iterator<Pending> it = queue.iterator();
        while (it.hasNext() && batch.size() < maxSize) {
            Pending p = it.next();
            if (contactsInFlight.add(p.signUp().lookupHash())) {
                it.remove();
                batch.add(p);
            }
        }
        return batch;
    }

    private void done(List<Pending> batch) {
        synchronized (this) {
            inFlight--;
            for (Pending p : batch) {
                contactsInFlight.remove(p.signUp().lookupHash());
            }
        }
        flush();
    }

    private static List<SignUpStatement.NewSignUp> rows(List<Pending> batch) {
        return batch.stream().map(Pending::signUp).toList();
    }
}
