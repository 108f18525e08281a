package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.logistics.v1.StockReceived;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestSubmitted;

class EventJsonTest {

    private static final UUID HUB = UUID.fromString("7d3b5c1e-2f4a-4b8e-9c61-0a1f2e3d4c5b");
    private static final Instant AT = Instant.parse("2025-11-20T09:15:00.123456Z");

    private final RequestSubmitted submitted = new RequestSubmitted(UUID.randomUUID(), HUB, HelpCategory.GROCERIES,
            Urgency.URGENT, "Weekly shop", null, null, List.of(new ItemQuantity(ItemSlug.FOOD_PARCEL, 1)), "en",
            true, ContactChannel.SMS, IntakeChannel.WEB, null, false, AT);

    @Test
    void writesIsoDatesSlugsAndLeavesOutAbsentFields() {
        JsonNode json = EventJson.tree(EventJson.toBytes(submitted));

        assertThat(json.path("occurredAt").asText()).isEqualTo("2025-11-20T09:15:00.123456Z");
        assertThat(json.path("category").asText()).isEqualTo("groceries");
        assertThat(json.path("items").get(0).path("item").asText()).isEqualTo("food-parcel");
        assertThat(json.has("location")).isFalse();
        assertThat(json.has("window")).isFalse();
        assertThat(json.has("aggregateId")).isFalse();
        assertThat(EventValidator.validate(EventCatalog.of(RequestSubmitted.class), json)).isEmpty();
    }

    @Test
    void writesLocalDatesAsIsoDates() {
        StockReceived received = new StockReceived(UUID.randomUUID(), HUB, ItemSlug.TINNED_FOOD, 48,
                LocalDate.of(2026, 9, 30), AT);

        assertThat(EventJson.tree(EventJson.toBytes(received)).path("expiresOn").asText()).isEqualTo("2026-09-30");
    }

    @Test
    void readsWhatItWrites() {
        assertThat(EventJson.read(EventJson.toBytes(submitted), RequestSubmitted.class)).isEqualTo(submitted);
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String json = new String(EventJson.toBytes(submitted), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"priorityScore\":7,");

        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), RequestSubmitted.class)).isEqualTo(submitted);
    }

    @Test
    void unreadableJsonIsAnUncheckedIoException() {
        assertThatThrownBy(() -> EventJson.read("{\"requestId\":".getBytes(StandardCharsets.UTF_8),
                RequestSubmitted.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("RequestSubmitted");
        assertThatThrownBy(() -> EventJson.tree("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> EventJson.toBytes(new Object()))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aBrokenInvariantIsAReadErrorNotAHalfBuiltEvent() {
        String json = "{\"requestId\":\"3f2c8a9e-5b71-4d0c-8e2a-6b9d1c4f7a20\","
                + "\"occurredAt\":\"2025-11-20T09:15:00Z\"}";

        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), RequestSubmitted.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("hubId");
    }
}
