package org.tredegar.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes raw records on the test broker, as a partner or a misbehaving producer would. */
public final class KafkaTestClient {
    private KafkaTestClient() {
    }

    /** Reads a topic from the beginning until {@code enough} holds for what was read, or the timeout passes. */
    public static List<ConsumerRecord<String, byte[]>> read(String topic, Duration timeout,
                                                           Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        Properties props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !enough.test(seen)) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties props = new Properties();
        props.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends an event as another service's relay would: CloudEvents binary mode on the event's topic, keyed by its
     * aggregate. Returns the CloudEvent id, so a test can send the very same event again.
     */
    public static String sendEvent(org.tredegar.contracts.TredegarEvent event, String ceId) {
        org.tredegar.contracts.EventType<?> type = org.tredegar.contracts.EventCatalog.of(event.getClass());
        send(type.topic(), event.aggregateId(), org.tredegar.contracts.EventJson.toBytes(event),
                cloudEventHeaders(type.type(), type.source(), ceId, event.aggregateId()));
        return ceId;
    }

    public static String sendEvent(org.tredegar.contracts.TredegarEvent event) {
        return sendEvent(event, UUID.randomUUID().toString());
    }

    public static Map<String, String> cloudEventHeaders(String type, String source, String ceId, String subject) {
        return Map.of("ce_id", ceId, "ce_type", type, "ce_source", source, "ce_specversion", "1.0",
                "ce_subject", subject, "ce_time", Instant.now().toString(), "content-type", "application/json");
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
