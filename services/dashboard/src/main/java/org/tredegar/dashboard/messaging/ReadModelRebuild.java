package org.tredegar.dashboard.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.dashboard.domain.ReadModelProjector;
import org.tredegar.dashboard.persistence.ReadModels;
import org.tredegar.platform.inbox.EventInbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;


/**
 * Rebuilds the read models from the topics: empties them (and the inbox's memory of the dashboard's events) in one
 * transaction, then replays every partition from offset 0 up to the end offsets taken right after, through the
 * same inbox and projector. The live consumers keep running meanwhile: the projector is order-independent, and
 * the inbox makes sure each event counts once, whichever of the two sees it first. The consumer group's committed
 * offsets are not touched (SmallRye's commit bookkeeping does not follow seeks back in this version), so a
 * restart during a rebuild does not lose live events; run the rebuild again after such a restart.
 */
@ApplicationScoped
public class ReadModelRebuild {
    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    /** Where the rebuild stands; in JSON as its lower-case name. */
    public enum State {
        IDLE, RUNNING, DONE, FAILED;

        @JsonValue
        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Status(State state, Instant startedAt, Instant finishedAt, long replayed, long skipped,
                         Map<String, Long> endOffsets, String error) {
        static Status idle() {
            return new Status(State.IDLE, null, null, 0, 0, Map.of(), null);
        }
    }

    @Inject
    EventInbox inbox;
    @Inject
    ReadModelProjector projector;
    @Inject
    ReadModels readModels;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background and returns its status; none while one is running (see {@link #status()}). */
    public synchronized Optional<Status> start() {
        if (status.get().state() == State.RUNNING) {
            return Optional.empty();
        }
        Status running = new Status(State.RUNNING, Instant.now(), null, 0, 0, Map.of(), null);
        status.set(running);
        Thread worker = new Thread(() -> replay(running.startedAt()), "dashboard-rebuild");
        worker.setDaemon(true);
        worker.start();
        return Optional.of(running);
    }

    private void replay(Instant startedAt) {
        long replayed = 0;
        long skipped = 0;
        Map<String, Long> ends = Map.of();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    readModels.emptyForReplay(DashboardConsumers.CONSUMER)));
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : DashboardConsumers.TOPICS) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Taken after the truncation: every event that was in the read models is below these offsets.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            ends = summarise(end);
            LOG.infof("rebuild: read models emptied, replaying %s", ends);
            while (!caughtUp(consumer, end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        VertxContextSupport.subscribeAndAwait(() -> inbox.process(record, DashboardConsumers.CONSUMER, projector::apply));
                        replayed++;
                    } catch (Throwable e) {
                        // Poison or unreadable: the live consumer already dead-lettered it; do not again.
                        skipped++;
                    }
                }
                status.set(new Status(State.RUNNING, startedAt, null, replayed, skipped, ends, null));
            }
            status.set(new Status(State.DONE, startedAt, Instant.now(), replayed, skipped, ends, null));
            LOG.infof("rebuild done: %d events replayed, %d skipped", replayed, skipped);
        } catch (Throwable e) {
            LOG.error("rebuild failed", e);
            status.set(new Status(State.FAILED, startedAt, Instant.now(), replayed, skipped, ends, String.valueOf(e.getMessage())));
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static Map<String, Long> summarise(Map<TopicPartition, Long> end) {
        Map<String, Long> byTopic = new java.util.TreeMap<>();
        end.forEach((tp, offset) -> byTopic.merge(tp.topic(), offset, Long::sum));
        return byTopic;
    }

    private Properties consumerConfig() {
        Properties props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.CLIENT_ID_CONFIG, "dashboard-rebuild",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        return props;
    }
}
