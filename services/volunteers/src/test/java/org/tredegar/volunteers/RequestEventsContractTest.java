package org.tredegar.volunteers;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestTriaged;
import org.tredegar.contracts.samples.GoldenSample;
import org.tredegar.contracts.samples.GoldenSamples;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.IncomingEvent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Consumer side of the contract: every golden sample ever written on the requests topic is read by our parse. */
class RequestEventsContractTest {

    @Test
    void everySampleOfTheEventsThatDriveMatchingIsAccepted() {
        for (Class<?> type : List.of(RequestSubmitted.class, RequestTriaged.class, RequestEscalated.class)) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<GoldenSample> samples = GoldenSamples.of(EventCatalog.of((Class) type));
            assertThat(samples).as("samples of %s", type.getSimpleName()).isNotEmpty();
            for (GoldenSample sample : samples) {
                IncomingEvent event = EventInbox.parse(record(sample));
                assertThat(event.data()).as(sample.toString()).isInstanceOf(type);
            }
        }
    }

    @Test
    void everySampleOnTheRequestsTopicIsReadableSoNothingThereIsPoison() {
        List<GoldenSample> samples = GoldenSamples.forTopic(Topics.REQUESTS);
        assertThat(samples).isNotEmpty();
        for (GoldenSample sample : samples) {
            assertThat(EventInbox.parse(record(sample)).type()).as(sample.toString()).isEqualTo(sample.type());
        }
    }

    static ConsumerRecord<String, byte[]> record(GoldenSample sample) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.REQUESTS, 0, 0, "key", sample.bytes());
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", sample.type().type());
        header(record, "ce_source", sample.type().source());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_time", "2025-11-20T09:15:00Z");
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
