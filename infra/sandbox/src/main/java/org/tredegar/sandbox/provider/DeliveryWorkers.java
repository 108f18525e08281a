package org.tredegar.sandbox.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.sandbox.config.SandboxConfig;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that do what the provider does after it has answered: delivery steps, receipts, incoming webhooks.
 * Off the HTTP threads, because the API must answer at once (201/202) and the platform's webhooks may be slow.
 */
@ApplicationScoped
public class DeliveryWorkers {
    private static final Logger LOG = Logger.getLogger(DeliveryWorkers.class);

    private final ScheduledExecutorService executor;

    @Inject
    public DeliveryWorkers(SandboxConfig config) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "sandbox-delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newScheduledThreadPool(config.deliveryThreads(), threads);
    }

    public void after(Duration delay, Runnable step) {
        executor.schedule(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                // One broken delivery must not stop the others; it shows in the log, the text keeps its last status.
                LOG.errorf(e, "a delivery step failed");
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
