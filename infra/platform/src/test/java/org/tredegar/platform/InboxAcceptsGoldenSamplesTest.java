package org.tredegar.platform;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tredegar.contracts.samples.GoldenSample;
import org.tredegar.contracts.samples.GoldenSamples;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.IncomingEvent;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer side of the contract: every producer's golden sample, wrapped as the relay wraps it (CloudEvents
 * binary mode), is accepted by the inbox every service consumes through, and reads back as the same event.
 */
class InboxAcceptsGoldenSamplesTest {

    @TestFactory
    Stream<DynamicTest> everyGoldenSampleIsAcceptedByTheInbox() {
        return GoldenSamples.all().stream().map(sample -> DynamicTest.dynamicTest(sample.toString(), () -> {
            IncomingEvent event = EventInbox.parse(record(sample));
            assertThat(event.type()).isEqualTo(sample.type());
            assertThat(event.data()).isEqualTo(sample.event());
        }));
    }

    static ConsumerRecord<String, byte[]> record(GoldenSample sample) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sample.type().topic(), 0, 0L,
                sample.event().aggregateId(), sample.bytes());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", sample.type().source());
        header(record, "ce_type", sample.type().type());
        header(record, "ce_time", "2026-11-23T10:00:00Z");
        header(record, "content-type", "application/json");
        return record;
    }

    static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
