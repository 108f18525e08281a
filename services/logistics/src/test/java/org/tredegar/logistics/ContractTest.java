package org.tredegar.logistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.EventValidator;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.contracts.logistics.v1.ReservationFailed;
import org.tredegar.contracts.requests.v1.RequestCancelled;
import org.tredegar.contracts.requests.v1.RequestClosed;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.samples.GoldenSample;
import org.tredegar.contracts.samples.GoldenSamples;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.IncomingEvent;
import org.tredegar.testing.Db;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumer side: every golden sample on the topics this service reads is accepted by its inbox, and the ones it
 * acts on drive the saga through the real broker. Producer side: what it publishes matches the schemas, and its
 * own golden samples still read into today's records.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "logistics"))
class ContractTest {
    static final Db DB = Db.of("logistics");

    @Test
    void everySampleOnTheConsumedTopicsIsReadByTheInbox() {
        List<GoldenSample> samples = new ArrayList<>(GoldenSamples.forTopic(Topics.REQUESTS));
        samples.addAll(GoldenSamples.forTopic(Topics.VOLUNTEERS));
        assertThat(samples).extracting(s -> (Object) s.type().dataClass())
                .contains(RequestSubmitted.class, RequestCancelled.class, RequestClosed.class, OfferAccepted.class);
        for (GoldenSample sample : samples) {
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sample.type().topic(), 0, 0, "key", sample.bytes());
            Events.headers(sample.type(), UUID.randomUUID().toString(), "key")
                    .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
            IncomingEvent event = EventInbox.parse(record);
            assertThat(event.type()).as(sample.toString()).isEqualTo(sample.type());
            assertThat(event.data()).as(sample.toString()).isInstanceOf(sample.type().dataClass());
        }
    }

    @Test
    void theSamplesItActsOnDriveTheSagaThroughTheBroker() {
        GoldenSample submitted = sample(RequestSubmitted.class, "full");
        RequestSubmitted request = (RequestSubmitted) submitted.event();
        send(sample(RequestSubmitted.class, "minimal"));
        send(submitted);
        // The sample's hub has no stock here: the saga answers with what is missing.
        List<ConsumerRecord<String, byte[]>> answer = Events.logistics(request.requestId().toString(),
                seen -> seen.stream().anyMatch(r -> ReservationFailed.class.equals(Events.type(r))));
        assertThat(answer).extracting(Events::type).contains(ReservationFailed.class);
        // An item-less request (the minimal sample) holds nothing.
        UUID minimal = ((RequestSubmitted) sample(RequestSubmitted.class, "minimal").event()).requestId();
        assertThat(DB.count("SELECT count(*) FROM reservations WHERE request_id = ?", minimal)).isZero();

        send(sample(OfferAccepted.class, "full"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                DB.value("SELECT volunteer_id FROM reservations WHERE request_id = ?", request.requestId()) != null);
        send(sample(RequestCancelled.class, "full"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "released".equals(DB.value("SELECT status FROM reservations WHERE request_id = ?", request.requestId())));
        send(sample(RequestClosed.class, "full"));
        UUID marker = UUID.randomUUID();
        Events.send(Events.submitted(marker, request.hubId(), 51.77, -3.24,
                new org.tredegar.contracts.model.ItemQuantity(org.tredegar.contracts.model.ItemSlug.COAT, 1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("SELECT count(*) FROM reservations WHERE request_id = ?", marker) == 1);
        assertThat(DB.value("SELECT status FROM reservations WHERE request_id = ?", request.requestId())).isEqualTo("released");
    }

    @Test
    void ourOwnSamplesStillReadAndWhatWePublishMatchesTheSchemas() {
        for (GoldenSample sample : GoldenSamples.forTopic(Topics.LOGISTICS)) {
            TredegarEvent event = sample.event();
            assertThat(EventValidator.validate(sample.type(), EventJson.mapper().valueToTree(event))).as(sample.toString()).isEmpty();
        }
        // Publish something of our own, then check everything on the topic so far.
        UUID request = UUID.randomUUID();
        Events.send(Events.submitted(request, UUID.randomUUID(), 51.77, -3.24,
                new org.tredegar.contracts.model.ItemQuantity(org.tredegar.contracts.model.ItemSlug.HEATER, 1)));
        Events.logistics(request.toString(), seen -> !seen.isEmpty());
        List<ConsumerRecord<String, byte[]>> published = KafkaTestClient.read(Topics.LOGISTICS, Duration.ofSeconds(5), seen -> false);
        assertThat(published).isNotEmpty();
        for (ConsumerRecord<String, byte[]> record : published) {
            EventType<?> type = EventCatalog.byType(KafkaTestClient.header(record, "ce_type")).orElseThrow();
            assertThat(type.topic()).isEqualTo(Topics.LOGISTICS);
            assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/tredegar/logistics");
            assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(EventValidator.validate(type, EventJson.tree(record.value()))).as(type.type()).isEmpty();
            assertThat(EventJson.read(record.value(), type.dataClass()).aggregateId()).isEqualTo(record.key());
        }
    }

    static GoldenSample sample(Class<? extends TredegarEvent> type, String variant) {
        return GoldenSamples.all().stream()
                .filter(s -> s.type().dataClass().equals(type) && s.name().equals(variant)).findFirst().orElseThrow();
    }

    static void send(GoldenSample sample) {
        String key = sample.event().aggregateId();
        KafkaTestClient.send(sample.type().topic(), key, sample.bytes(),
                Map.copyOf(Events.headers(sample.type(), UUID.randomUUID().toString(), key)));
    }
}
