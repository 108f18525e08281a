package org.tredegar.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helper: the parsed schema of an event type. */
final class Schemas {

    private Schemas() {
    }

    static JsonNode of(EventType<?> type) {
        try (InputStream in = Schemas.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema " + type.schemaResource());
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
