package org.tredegar.notifications.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.notifications.domain.Claimed;
import org.tredegar.notifications.domain.OwnContext;
import org.tredegar.notifications.domain.TimeSource;
import org.tredegar.notifications.domain.UrgentIntentRecorded;
import org.tredegar.notifications.persistence.Notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When messages are sent: a round every {@code tredegar.dispatch.every}, rounds every {@code urgent.hot-interval}
 * while urgent messages are being recorded, one round at a time. A round claims due messages (pending/held →
 * sending, under a lease, in its own commit) and hands each to the {@link MessageSender}, {@code concurrency} at a
 * time, again while whole batches were due. A process that stops between a provider call and the commit that records
 * it leaves the row in sending; when the lease runs out it is marked in doubt, and the provider is asked before
 * anything is sent again.
 */
@ApplicationScoped
public class DispatchLoop {
    private static final Logger LOG = Logger.getLogger(DispatchLoop.class);

    @Inject
    Notifications notifications;
    @Inject
    MessageSender sender;
    @Inject
    TimeSource clock;
    @Inject
    Vertx vertx;

    @ConfigProperty(name = "tredegar.dispatch.batch-size", defaultValue = "50")
    int batchSize;
    @ConfigProperty(name = "tredegar.dispatch.concurrency", defaultValue = "8")
    int concurrency;
    @ConfigProperty(name = "tredegar.dispatch.lease", defaultValue = "PT2M")
    Duration lease;
    @ConfigProperty(name = "tredegar.dispatch.enabled", defaultValue = "true")
    boolean enabled;
    /** Rounds per tick while full batches are due: a backlog drains at the providers' pace, not one batch a tick. */
    @ConfigProperty(name = "tredegar.dispatch.max-rounds", defaultValue = "20")
    int maxRounds;
    @ConfigProperty(name = "tredegar.dispatch.urgent.hot-interval", defaultValue = "PT0.05S")
    Duration hotInterval;
    @ConfigProperty(name = "tredegar.dispatch.urgent.hot-window", defaultValue = "PT2S")
    Duration hotWindow;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean hot = new AtomicBoolean();
    private volatile long hotUntil;
    private volatile boolean stopping;

    @Scheduled(every = "${tredegar.dispatch.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return round();
    }

    void urgentRecorded(@Observes UrgentIntentRecorded recorded) {
        urgentExpected();
    }

    /**
     * An urgent message is being recorded and will be due once its transaction commits. Its writer does not know when
     * that is, so the dispatcher runs a round every {@code urgent.hot-interval} until {@code urgent.hot-window} after
     * the last such message, instead of leaving it to the next tick (the same idea as the outbox relay's
     * commitExpected, ADR 0002).
     */
    public void urgentExpected() {
        if (!enabled || stopping) {
            return;
        }
        hotUntil = System.nanoTime() + hotWindow.toNanos();
        if (hot.compareAndSet(false, true)) {
            vertx.setPeriodic(hotInterval.toMillis(), this::hotTick);
        }
    }

    private void hotTick(long timer) {
        if (stopping) {
            vertx.cancelTimer(timer);
            return;
        }
        wake();
        if (System.nanoTime() - hotUntil > 0) {
            vertx.cancelTimer(timer);
            hot.set(false);
            // An urgent message between the check and the reset must not be left to the next tick.
            if (System.nanoTime() - hotUntil < 0) {
                urgentExpected();
            }
        }
    }

    /** No more rounds once the service is stopping (its pool is about to close). */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** A round now; if one is already running, one more right after it (what it claimed was claimed before). */
    public void wake() {
        round().subscribe().with(ignored -> {
        }, e -> LOG.warnf("dispatch round failed: %s", e.toString()));
    }

    /** One round at a time, whoever asks (the tick, a wake-up): the concurrency bound holds for the whole service. */
    private Uni<Void> round() {
        return Uni.createFrom().deferred(() -> {
            if (!enabled || stopping) {
                return Uni.createFrom().voidItem();
            }
            if (!running.compareAndSet(false, true)) {
                again.set(true);
                return Uni.createFrom().voidItem();
            }
            again.set(false);
            Context base = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
            return OwnContext.run(base, () -> recoverStale().chain(this::dispatchDue))
                    .replaceWithVoid()
                    .onFailure().invoke(e -> LOG.warnf("dispatch round failed: %s", e.toString()))
                    .onFailure().recoverWithNull().replaceWithVoid()
                    .eventually(() -> {
                        running.set(false);
                        if (again.getAndSet(false)) {
                            wake();
                        }
                    });
        });
    }

    /**
     * Claims what is due and sends it, again while whole batches were due (up to {@code max-rounds}). Answers how
     * many were claimed.
     */
    public Uni<Integer> dispatchDue() {
        return rounds(0, 0);
    }

    private Uni<Integer> rounds(int done, int round) {
        return claim().chain(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(n -> OwnContext.run(() -> sender.deliver(n))).merge(concurrency)
                        .collect().asList().replaceWith(claimed.size()))
                .chain(n -> n >= batchSize && round + 1 < maxRounds
                        ? rounds(done + n, round + 1) : Uni.createFrom().item(done + n));
    }

    /** Sends still in "sending" after the lease: the process stopped mid-send. */
    Uni<Integer> recoverStale() {
        Instant now = clock.now();
        return Panache.withTransaction(() -> notifications.releaseStale(now, now.minus(lease)))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.warnf("%d notification(s) were being sent when a dispatcher stopped; checking before resending", n);
                    }
                });
    }

    Uni<List<Claimed>> claim() {
        return Panache.withTransaction(() -> notifications.claimDue(clock.now(), batchSize));
    }
}
