package org.tredegar.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the {@link OutboxPublisher}. Whoever appends events says so ({@link #commitExpected}, called by
 * {@link OutboxWriter}); the relay then polls briskly (every {@code hot-interval}) until {@code hot-window} after the
 * last append, so a commit goes out within milliseconds without knowing exactly when it happens. Code that knows its
 * commit is done calls {@link #wake} instead. A slow timer is the safety net for anything else (rows written by
 * another replica that stopped before relaying, a transaction longer than the window).
 * <p>
 * Why not LISTEN/NOTIFY: PostgreSQL serialises NOTIFYing transactions through their commit and fsync, which capped
 * every service at a few hundred writes per second (ADR 0002).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    @ConfigProperty(name = "tredegar.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "tredegar.outbox.relay.batch-size", defaultValue = "500")
    int batchSize;
    @ConfigProperty(name = "tredegar.outbox.retention", defaultValue = "PT1H")
    Duration retention;
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;
    @ConfigProperty(name = "tredegar.outbox.relay.hot-interval", defaultValue = "PT0.01S")
    Duration hotInterval;
    @ConfigProperty(name = "tredegar.outbox.relay.hot-window", defaultValue = "PT1S")
    Duration hotWindow;

    private KafkaProducer<String, byte[]> producer;
    private OutboxPublisher publisher;
    private final AtomicBoolean hot = new AtomicBoolean();
    private volatile long hotUntil;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean paused;

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        publisher = new OutboxPublisher(pool, producer, batchSize);
        wake();
    }

    /**
     * A transaction that appended events is about to commit: poll every {@code hot-interval} until
     * {@code hot-window} after the last such call. Cheap to call on every append (one volatile write).
     */
    public void commitExpected() {
        hotUntil = System.nanoTime() + hotWindow.toNanos();
        if (publisher != null && hot.compareAndSet(false, true)) {
            vertx.setPeriodic(hotInterval.toMillis(), this::hotTick);
        }
    }

    private void hotTick(long timer) {
        wake();
        if (System.nanoTime() - hotUntil > 0) {
            vertx.cancelTimer(timer);
            hot.set(false);
            // An append between the check and the reset must not be left to the slow timer.
            if (System.nanoTime() - hotUntil < 0) {
                commitExpected();
            }
        }
    }

    @Scheduled(every = "${tredegar.outbox.relay.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    @Scheduled(every = "5m", delayed = "1m")
    void prune() {
        if (publisher != null) {
            publisher.prune(retention).subscribe().with(n -> LOG.debugf("pruned %d published outbox rows", n),
                    e -> LOG.warnf("outbox prune failed: %s", e.getMessage()));
        }
    }

    /** Drains the outbox; a wake-up during a drain runs one more round so no commit is left waiting. */
    public void wake() {
        if (publisher == null || paused) {
            return;
        }
        again.set(true);
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        drain();
    }

    private void drain() {
        publisher.publishBatch().subscribe().with(published -> {
            if (published >= batchSize || again.getAndSet(false)) {
                drain();
            } else {
                draining.set(false);
                if (again.get()) {
                    wake();
                }
            }
        }, error -> {
            LOG.warnf("outbox relay could not publish, will retry: %s", error.getMessage());
            draining.set(false);
        });
    }

    /** Stops publishing (the rows stay in the outbox); for operations and for the relay-crash tests. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wake();
    }

    void stop(@Observes ShutdownEvent ignored) {
        paused = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
