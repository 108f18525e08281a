package org.tredegar.platform.persistence;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Group commit for writes that arrive in floods (requests' intake, volunteers' sign-ups): rows that arrive while
 * earlier ones are being written share the next statement, so a burst costs a few round trips and commits instead
 * of one per row. The statement is the service's own (usually one SQL statement over arrays, its own transaction).
 * <p>
 * No timer and no waiting when idle: a row is written at once if fewer than {@code maxInFlight} statements are
 * running; otherwise it waits for the next free slot and goes with everything that queued meanwhile (up to
 * {@code maxSize}). A statement that fails is retried row by row, so one bad row never fails its neighbours.
 * <p>
 * Rows with the same key (e.g. the keyed hash of a contact) never run in two concurrent statements: a statement sees
 * only what committed before it began, so the later one waits until the earlier has committed and then sees it.
 * Whether rows with one key may share a statement is the caller's choice ({@link SameKey}). A null key never waits.
 * <p>
 * Each answer is delivered on the Vert.x context of the call that queued the row (the statement answers on
 * whichever context ran it), so the caller may go on with a Hibernate Reactive session of its own.
 * <p>
 * Why not a library: the reactive PostgreSQL client has no batching of independent callers, and Hibernate's JDBC
 * batching is per session. ~150 lines, tested in GroupCommitTest.
 */
public final class GroupCommit<T, R> {

    /** Writes the rows in one statement (all or none) and answers one result per row, in the rows' order. */
    public interface Statement<T, R> {
        Uni<List<R>> write(List<T> rows);
    }

    /** Whether rows with the same key may go in one statement (the statement then relates them itself). */
    public enum SameKey { SHARE_A_STATEMENT, ONE_PER_STATEMENT }

    private record Pending<T, R>(T row, Context context, UniEmitter<? super R> emitter) {
        void answer(R result) {
            deliver(() -> emitter.complete(result));
        }

        void fail(Throwable failure) {
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

    private final int maxSize;
    private final int maxInFlight;
    private final Function<T, String> key;
    private final SameKey sameKey;
    private final Statement<T, R> statement;
    private final ArrayDeque<Pending<T, R>> queue = new ArrayDeque<>();
    /** Keys in statements now running, with how many rows of each. */
    private final Map<String, Integer> keysInFlight = new HashMap<>();
    private int inFlight;

    public GroupCommit(int maxSize, int maxInFlight, Function<T, String> key, SameKey sameKey, Statement<T, R> statement) {
        if (maxSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("max-size and max-in-flight must be at least 1");
        }
        this.maxSize = maxSize;
        this.maxInFlight = maxInFlight;
        this.key = key;
        this.sameKey = sameKey;
        this.statement = statement;
    }

    /** Completes once the statement that took the row has committed, with that statement's result for it. */
    public Uni<R> submit(T row) {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                queue.add(new Pending<>(row, Vertx.currentContext(), emitter));
            }
            flush();
        });
    }

    private void flush() {
        List<Pending<T, R>> batch;
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
        write(batch).subscribe().with(results -> {
            done(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer(results.get(i));
            }
        }, failure -> {
            done(batch);
            if (batch.size() == 1) {
                batch.get(0).fail(failure);
                return;
            }
            // Whatever went wrong may concern one row only: each on its own, outside the batching.
            for (Pending<T, R> p : batch) {
                write(List.of(p)).subscribe().with(results -> p.answer(results.get(0)), p::fail);
            }
        });
    }

    private Uni<List<R>> write(List<Pending<T, R>> batch) {
        List<T> rows = batch.stream().map(Pending::row).toList();
        return Uni.createFrom().deferred(() -> statement.write(rows)).map(results -> {
            if (results.size() != rows.size()) {
                throw new IllegalStateException("a group statement answered " + results.size() + " results for "
                        + rows.size() + " rows");
            }
            return results;
        });
    }

    /** The next statement's rows in arrival order, leaving queued any whose key must wait. */
    private List<Pending<T, R>> take() {
        List<Pending<T, R>> batch = new ArrayList<>(Math.min(queue.size(), maxSize));
        Map<String, Integer> taken = new HashMap<>();
        Iterator<Pending<T, R>> it = queue.iterator();
        while (it.hasNext() && batch.size() < maxSize) {
            Pending<T, R> p = it.next();
            String k = key.apply(p.row());
            if (k != null && (keysInFlight.containsKey(k) || (sameKey == SameKey.ONE_PER_STATEMENT && taken.containsKey(k)))) {
                continue;
            }
            it.remove();
            batch.add(p);
            if (k != null) {
                taken.merge(k, 1, Integer::sum);
            }
        }
        taken.forEach((k, n) -> keysInFlight.merge(k, n, Integer::sum));
        return batch;
    }

    private void done(List<Pending<T, R>> batch) {
        synchronized (this) {
            inFlight--;
            for (Pending<T, R> p : batch) {
                String k = key.apply(p.row());
                if (k != null) {
                    keysInFlight.computeIfPresent(k, (ignored, n) -> n == 1 ? null : n - 1);
                }
            }
        }
        flush();
    }
}
