package org.tredegar.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of event data. Producers and consumers must share it: a service using its own mapper could
 * write dates as numbers or nulls as {@code null}, which the golden samples would not catch.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Old consumers must keep working when a producer adds an optional field.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Absent, not null: optional fields are simply left out, as in the golden samples.
            .defaultPropertyInclusion(JsonInclude.Value.construct(Include.NON_NULL, Include.NON_NULL))
            .build();

    private EventJson() {
    }

    /** The shared mapper. Do not reconfigure it; use {@code mapper().copy()} for anything different. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + type.getSimpleName() + " from JSON: " + e.getMessage(), e);
        }
    }

    /** Parses without binding, e.g. to validate against the schema before {@link #read}. */
    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse JSON: " + e.getMessage(), e);
        }
    }
}
