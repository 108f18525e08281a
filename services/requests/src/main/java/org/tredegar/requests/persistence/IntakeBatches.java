package org.tredegar.requests.persistence;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.requests.domain.TrackingCodes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Group commit for intake: requests that arrive while earlier ones are being written share the next statement
 * ({@link IntakeStatement#insertAll}), so a burst costs a few commits instead of one per request.
 * <p>
 * Why: one statement for many intakes pays one round trip, one commit and one fsync for all of them; at a few
 * thousand intakes per second the database's commit rate, not the SQL, is the limit. (This began as the way around
 * the outbox's NOTIFY trigger, which serialised commits; the trigger is gone, ADR 0002, and batching still halves
 * the database's CPU per intake.) The statement wakes the relay when it commits.
 * <p>
 * No timer and no waiting when idle: a request is written at once if fewer than {@code max-in-flight} statements are
 * running; otherwise it waits for the next free slot and goes with everything that queued meanwhile (up to
 * {@code max-size}). A statement that fails is retried row by row, so one bad request never fails the others; a
 * tracking code that clashes with an existing one is drawn again.
 */
@ApplicationScoped
public class IntakeBatches {
    static final String TRACKING_CODE_CONSTRAINT = "help_requests_tracking_code_key";
    static final int TRACKING_CODE_TRIES = 3;

    @Inject
    IntakeStatement statement;

    @ConfigProperty(name = "tredegar.intake.batch.max-size", defaultValue = "100")
    int maxSize;
    @ConfigProperty(name = "tredegar.intake.batch.max-in-flight", defaultValue = "2")
    int maxInFlight;

    private record Pending(IntakeStatement.NewRequest request, Function<IntakeStatement.NewRequest, ?> answer,
                           UniEmitter<Object> emitter) {
        void written(IntakeStatement.NewRequest written) {
            Object item;
            try {
                item = answer.apply(written);
            } catch (RuntimeException e) {
                emitter.fail(e);
                return;
            }
            emitter.complete(item);
        }
    }

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int inFlight;
    /** Contact hashes in statements now running: a request from one of them waits, so it sees that one committed. */
    private final Map<String, Integer> contactsInFlight = new HashMap<>();

    /**
     * Completes, once the request is committed, with {@code answer} applied to it as written (its tracking code may
     * have been drawn again).
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> write(IntakeStatement.NewRequest request, Function<IntakeStatement.NewRequest, T> answer) {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                queue.add(new Pending(request, answer, (UniEmitter<Object>) emitter));
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
        insert(batch, TRACKING_CODE_TRIES).subscribe().with(written -> {
            done(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).written(written.get(i));
            }
        }, failure -> {
            done(batch);
            if (batch.size() == 1) {
                batch.get(0).emitter().fail(failure);
                return;
            }
            // Whatever went wrong may concern one request only: each on its own, outside the batching.
            for (Pending p : batch) {
                insert(List.of(p), TRACKING_CODE_TRIES).subscribe().with(
                        written -> p.written(written.get(0)), p.emitter()::fail);
            }
        });
    }

    /**
     * The next statement's requests, in arrival order, leaving queued any whose contact is in a running statement.
     * Why: a statement sees only what committed before it began, so two requests from one person in two concurrent
     * statements would both look like the first (no duplicate link). In one statement they are linked by the SQL;
     * across statements, the later one now starts after the earlier committed. (Across replicas the race remains.)
     */
    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxSize));
        Iterator<Pending> it = queue.iterator();
        while (it.hasNext() && batch.size() < maxSize) {
            Pending p = it.next();
            String contact = p.request().contactHash();
            if (contact != null && contactsInFlight.containsKey(contact)) {
                continue;
            }
            it.remove();
            batch.add(p);
        }
        for (Pending p : batch) {
            if (p.request().contactHash() != null) {
                contactsInFlight.merge(p.request().contactHash(), 1, Integer::sum);
            }
        }
        return batch;
    }

    private void done(List<Pending> batch) {
        synchronized (this) {
            inFlight--;
            for (Pending p : batch) {
                if (p.request().contactHash() != null) {
                    contactsInFlight.computeIfPresent(p.request().contactHash(), (k, n) -> n == 1 ? null : n - 1);
                }
            }
        }
        flush();
    }

    private Uni<List<IntakeStatement.NewRequest>> insert(List<Pending> batch, int tries) {
        List<IntakeStatement.NewRequest> rows = batch.stream().map(Pending::request).toList();
        return insertRows(rows, tries);
    }

    private Uni<List<IntakeStatement.NewRequest>> insertRows(List<IntakeStatement.NewRequest> rows, int tries) {
        return statement.insertAll(rows).replaceWith(rows)
                .onFailure(e -> tries > 1 && trackingCodeTaken(e))
                .recoverWithUni(() -> insertRows(redraw(rows), tries - 1));
    }

    private static List<IntakeStatement.NewRequest> redraw(List<IntakeStatement.NewRequest> rows) {
        Function<IntakeStatement.NewRequest, IntakeStatement.NewRequest> fresh = r -> r.withTrackingCode(TrackingCodes.next());
        return rows.stream().map(fresh).toList();
    }

    public static boolean trackingCodeTaken(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState())
                && TRACKING_CODE_CONSTRAINT.equals(pg.getConstraint());
    }
}
