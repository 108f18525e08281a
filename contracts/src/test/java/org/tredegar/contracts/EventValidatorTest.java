package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.samples.GoldenSample;
import org.tredegar.contracts.samples.GoldenSamples;

class EventValidatorTest {

    private final EventType<RequestSubmitted> type = EventCatalog.of(RequestSubmitted.class);
    private final GoldenSample sample = GoldenSamples.of(type).get(0);

    @Test
    void acceptsAValidEvent() {
        assertThat(EventValidator.validate(type, sample.tree())).isEmpty();
        EventValidator.requireValid(type, sample.tree());
    }

    @Test
    void checksFormats() {
        ObjectNode data = (ObjectNode) sample.tree();
        data.put("requestId", "not-a-uuid");
        data.put("occurredAt", "20 November 2025");

        assertThat(EventValidator.validate(type, data))
                .anySatisfy(violation -> assertThat(violation).contains("requestId"))
                .anySatisfy(violation -> assertThat(violation).contains("occurredAt"));
    }

    @Test
    void checksEnumsAndRanges() {
        ObjectNode data = (ObjectNode) sample.tree();
        data.put("urgency", "whenever");
        data.putObject("location").put("lat", 123.0).put("lon", -3.247);

        assertThat(EventValidator.validate(type, data))
                .anySatisfy(violation -> assertThat(violation).contains("urgency"))
                .anySatisfy(violation -> assertThat(violation).contains("/location/lat"));
    }

    @Test
    void allowsExplicitNullForOptionalFieldsOnly() {
        ObjectNode data = (ObjectNode) sample.tree();
        data.putNull("location");
        assertThat(EventValidator.validate(type, data)).isEmpty();

        data.putNull("category");
        assertThat(EventValidator.validate(type, data)).anySatisfy(v -> assertThat(v).contains("category"));
    }

    @Test
    void requireValidMakesAPoisonMessage() {
        ObjectNode data = (ObjectNode) sample.tree();
        data.remove("hubId");

        assertThatThrownBy(() -> EventValidator.requireValid(type, data))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.getMessage()).contains(type.type());
                    assertThat(e.violations()).singleElement().asString().contains("hubId");
                });
    }

    @Test
    void aTypeWithoutSchemaIsAProgrammingError() {
        record Unpublished(UUID hubId) implements TredegarEvent {
            @Override
            public String aggregateId() {
                return hubId.toString();
            }
        }
        EventType<Unpublished> unpublished = new EventType<>("nowhere", "Unpublished", 1, Unpublished.class);

        assertThatThrownBy(() -> EventValidator.validate(unpublished, sample.tree()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(unpublished.schemaResource());
    }
}
