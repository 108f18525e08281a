package org.tredegar.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the {@link OutboxPublisher}: woken by LISTEN/NOTIFY when a transaction with events commits, and by a
 * timer as a safety net (a missed notification only delays an event by one poll interval).
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
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    Optional<String> databaseUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> databaseUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;

    private KafkaProducer<String, byte[]> producer;
    private OutboxPublisher publisher;
    private PgSubscriber subscriber;
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
        listen();
        wake();
    }

    private void listen() {
        if (databaseUrl.isEmpty()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl.get());
        databaseUser.ifPresent(options::setUser);
        databasePassword.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel("tredegar_outbox").handler(payload -> wake());
        subscriber.connect().subscribe().with(
                ok -> LOG.debug("outbox relay listening for commits"),
                error -> LOG.warnf("outbox relay cannot LISTEN (%s); falling back to polling", error.getMessage()));
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
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
