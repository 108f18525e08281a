package org.tredegar.dashboard;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.samples.GoldenSample;
import org.tredegar.contracts.samples.GoldenSamples;
import org.tredegar.dashboard.messaging.DashboardConsumers;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.IncomingEvent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Consumer side of the contracts: every golden sample of every topic the dashboard reads still parses. */
class ConsumedEventsContractTest {

    @Test
    void everyGoldenSampleOfEveryConsumedTopicParses() {
        List<String> topics = DashboardConsumers.TOPICS;
        int parsed = 0;
        for (String topic : topics) {
            List<GoldenSample> samples = GoldenSamples.forTopic(topic);
            assertThat(samples).as(topic).isNotEmpty();
            for (GoldenSample sample : samples) {
                IncomingEvent event = EventInbox.parse(record(topic, sample));
                assertThat(event.type()).as(sample.toString()).isEqualTo(sample.type());
                assertThat(event.data().hubId()).as(sample.toString()).isNotNull();
                parsed++;
            }
        }
        // Each type of the catalog on these topics has at least one sample, so all of them were read.
        long types = GoldenSamples.all().stream().filter(s -> topics.contains(s.type().topic()))
                .map(GoldenSample::type).distinct().count();
        assertThat(types).isEqualTo(org.tredegar.contracts.EventCatalog.all().stream()
                .filter(t -> topics.contains(t.topic())).count());
        assertThat(parsed).isGreaterThanOrEqualTo((int) types);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, GoldenSample sample) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0L, "key", sample.bytes());
        Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", sample.type().type(), "ce_source", sample.type().source(),
                        "ce_specversion", "1.0", "ce_time", "2025-11-20T09:15:00Z", "content-type", "application/json")
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }
}
