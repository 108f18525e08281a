package org.tredegar.launcher;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Replays a dead-letter topic into the topic its records came from. Safe to repeat: consumers are idempotent on
 * the CloudEvent id, and the replay's own consumer group commits what it has replayed, so a second run only moves
 * what arrived in the dead-letter topic since.
 *
 * <pre>replay-dlq &lt;dlq-topic&gt; [--bootstrap host:port] [--to topic] [--dry-run]</pre>
 */
public final class DeadLetterReplay {
    static final String ORIGINAL_TOPIC_HEADER = "dead-letter-topic";

    private DeadLetterReplay() {
    }

    public static int replay(String bootstrap, String dlqTopic, String targetOverride, boolean dryRun) {
        Properties consumerProps = new Properties();
        consumerProps.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "tredegar-dlq-replay",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        Properties producerProps = new Properties();
        producerProps.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        int moved = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps)) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            // Only what is in the dead-letter topic now: a record that fails again lands behind this mark and
            // waits for the next replay, instead of circling forever.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                if (c == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, c.offset());
                }
            }
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(2));
                Map<TopicPartition, OffsetAndMetadata> done = new java.util.HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    String target = targetOverride != null ? targetOverride : originalTopic(record, dlqTopic);
                    System.out.printf("%s %s partition %d offset %d -> %s (reason: %s)%n", dryRun ? "would move" : "moving",
                            dlqTopic, record.partition(), record.offset(), target, header(record, "dead-letter-reason"));
                    if (!dryRun) {
                        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(target, null, record.key(), record.value());
                        for (Header h : record.headers()) {
                            if (!h.key().startsWith("dead-letter-")) {
                                copy.headers().add(h);
                            }
                        }
                        producer.send(copy);
                    }
                    done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                    moved++;
                }
                if (!dryRun && !done.isEmpty()) {
                    producer.flush();
                    consumer.commitSync(done);
                }
                if (dryRun && records.isEmpty()) {
                    break;
                }
            }
        }
        return moved;
    }

    static String originalTopic(ConsumerRecord<byte[], byte[]> record, String dlqTopic) {
        String fromHeader = header(record, ORIGINAL_TOPIC_HEADER);
        if (fromHeader != null) {
            return fromHeader;
        }
        // <topic>.<consumer-group>.dlq: the topic names themselves contain dots, so strip the last two parts.
        String withoutDlq = dlqTopic.substring(0, dlqTopic.lastIndexOf(".dlq"));
        return withoutDlq.substring(0, withoutDlq.lastIndexOf('.'));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
