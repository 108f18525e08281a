package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tredegar.contracts.samples.GoldenSample;
import org.tredegar.contracts.samples.GoldenSamples;

/** The backward-compatibility tests: every sample ever written must keep reading and validating. */
class GoldenSampleTest {

    /** The Kafka key of each event type, by field. Changing one reorders a topic, so it is pinned here. */
    private static final Map<String, String> AGGREGATE_FIELD = Map.ofEntries(
            Map.entry("VolunteerRegistered", "volunteerId"),
            Map.entry("VolunteerAvailabilityChanged", "volunteerId"),
            Map.entry("StockReceived", "locationId"),
            Map.entry("StockAdjusted", "locationId"),
            Map.entry("LowStock", "locationId"),
            Map.entry("org.tredegar.volunteers.OneTimeCodeIssued.v1", "signUpId"),
            Map.entry("AuditEntryRecorded", "hubId"));

    /** Numbers compare by value, so that a sample's {@code 5} and the mapper's {@code 5.0} agree. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static List<EventType<?>> types() {
        return EventCatalog.all();
    }

    static List<GoldenSample> samples() {
        return GoldenSamples.all();
    }

    /** Every (sample, required field) pair: each field is dropped from a copy of the sample once. */
    static Stream<Arguments> requiredFields() {
        List<Arguments> cases = new ArrayList<>();
        for (GoldenSample sample : GoldenSamples.all()) {
            for (JsonNode field : Schemas.of(sample.type()).path("required")) {
                cases.add(Arguments.of(sample, field.asText()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyTypeHasASample(EventType<?> type) {
        assertThat(GoldenSamples.of(type)).as("golden samples of %s", type.type()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleValidatesAgainstItsSchema(GoldenSample sample) {
        assertThat(EventValidator.validate(sample.type(), sample.tree())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleDeserialisesIntoItsRecord(GoldenSample sample) {
        TredegarEvent event = sample.event();

        assertThat(event).isInstanceOf(sample.type().dataClass());
        assertThat(event.hubId()).isNotNull();
    }

    /** Schema and record agree in both directions: what a record writes is what its schema accepts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordWritesTheSampleBackUnchangedAndValid(GoldenSample sample) {
        JsonNode written = EventJson.mapper().valueToTree(sample.event());

        assertThat(EventValidator.validate(sample.type(), written)).isEmpty();
        assertThat(written.equals(SAME_VALUE, sample.tree()))
                .as("%s written back:%n%s%nexpected:%n%s", sample, written.toPrettyString(), sample.json())
                .isTrue();
        assertThat(written.has("aggregateId")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aggregateIdIsTheKeyOfItsType(GoldenSample sample) {
        EventType<?> type = sample.type();
        String field = AGGREGATE_FIELD.getOrDefault(type.type(), AGGREGATE_FIELD.getOrDefault(type.name(),
                type.service().equals("notifications") ? "notificationId" : "requestId"));

        assertThat(sample.event().aggregateId()).isEqualTo(sample.tree().get(field).asText());
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void sampleWithoutARequiredFieldIsInvalid(GoldenSample sample, String field) {
        ObjectNode mutated = (ObjectNode) sample.tree();
        mutated.remove(field);

        assertThat(EventValidator.validate(sample.type(), mutated)).anySatisfy(
                violation -> assertThat(violation).contains(field));
    }

    /** What an old consumer sees when a newer producer has added an optional field. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void fieldsAddedLaterAreTolerated(GoldenSample sample) {
        ObjectNode newer = (ObjectNode) sample.tree();
        newer.put("fieldAddedInALaterRelease", "anything");
        byte[] json = EventJson.toBytes(newer);

        assertThat(EventValidator.validate(sample.type(), newer)).isEmpty();
        assertThat(EventJson.read(json, sample.type().dataClass())).isEqualTo(sample.event());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void malformedIdIsRejectedByBothSchemaAndRecord(GoldenSample sample) {
        ObjectNode broken = (ObjectNode) sample.tree();
        broken.put("hubId", "tredegar");

        assertThat(EventValidator.validate(sample.type(), broken)).anySatisfy(
                violation -> assertThat(violation).contains("hubId"));
        assertThatThrownBy(() -> EventJson.read(EventJson.toBytes(broken), sample.type().dataClass()))
                .isInstanceOf(UncheckedIOException.class);
    }
}
