package org.tredegar.dashboard.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The consumer lag of the dashboard's own group, per topic: the topic's end offsets minus the offsets the group
 * committed (from the log start where it committed none), summed over partitions, measured with the Kafka
 * AdminClient every few seconds. The group commits every 5 s, so a few records of lag under traffic are normal;
 * a lag that keeps growing means the dashboard falls behind. Kafka unreachable: the lag is unknown, and the page
 * says since when.
 */
@ApplicationScoped
public class ConsumerLag {
    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    static final long TIMEOUT_SECONDS = 5;

    /** Records not yet committed by the group (null: unknown now), and when it was last measured (null: never). */
    public record Lag(Long records, Instant measuredAt) {
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    MeterRegistry meters;

    private Admin admin;
    private volatile Map<String, Long> latest = Map.of();
    private volatile Instant measuredAt;
    private volatile boolean current;
    private volatile boolean failedBefore;

    @PostConstruct
    void gauges() {
        for (String topic : DashboardConsumers.TOPICS) {
            Gauge.builder("tredegar.dashboard.consumer.lag", this, lag -> {
                Long records = lag.of(topic).records();
                return records == null ? Double.NaN : records;
            }).tag("topic", topic).tag("group", DashboardConsumers.CONSUMER)
                    .description("records on the topic not yet committed by the dashboard's consumer group")
                    .register(meters);
        }
    }

    @Scheduled(every = "${tredegar.dashboard.lag-every}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            latest = Map.copyOf(lagOf(DashboardConsumers.CONSUMER, DashboardConsumers.TOPICS));
            measuredAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            current = true;
            LOG.debugf("consumer lag of group %s: %s", DashboardConsumers.CONSUMER, latest);
        } catch (Exception e) {
            if (current || measuredAt == null && !failedBefore) {
                LOG.warnf("consumer lag not measured (Kafka unreachable?): %s", e.toString());
            }
            failedBefore = true;
            current = false;
        }
    }

    /** The dashboard group's lag on this topic, as last measured. */
    public Lag of(String topic) {
        return new Lag(current ? latest.getOrDefault(topic, 0L) : null, measuredAt);
    }

    /**
     * Per topic (all of {@code topics}, in order): end offset minus the group's committed offset, or minus the log
     * start offset where the group committed nothing, summed over the topic's partitions. A topic that does not
     * exist yet has lag 0.
     */
    public Map<String, Long> lagOf(String group, List<String> topics) throws Exception {
        Admin kafka = admin();
        Set<String> existing = kafka.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<String, Long> lag = new LinkedHashMap<>();
        topics.forEach(t -> lag.put(t, 0L));
        if (present.isEmpty()) {
            return lag;
        }
        Map<String, TopicDescription> described = kafka.describeTopics(present).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> ends = kafka.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> uncommitted = partitions.stream().filter(p -> committed.get(p) == null).toList();
        Map<TopicPartition, ListOffsetsResultInfo> starts = uncommitted.isEmpty() ? Map.of()
                : kafka.listOffsets(uncommitted.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (TopicPartition p : partitions) {
            OffsetAndMetadata done = committed.get(p);
            long from = done != null ? done.offset() : starts.get(p).offset();
            lag.merge(p.topic(), Math.max(0, ends.get(p).offset() - from), Long::sum);
        }
        return lag;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "dashboard-lag");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10000);
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
