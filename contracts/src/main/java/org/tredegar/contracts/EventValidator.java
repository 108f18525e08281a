package org.tredegar.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Checks event data against the JSON Schema of its type. */
public final class EventValidator {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    // 2020-12 treats "format" as an annotation only; we want a malformed uuid or date-time to be rejected.
    // A fixed locale keeps messages identical on every machine, so they can be compared in logs and tests.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            .build();

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventValidator() {
    }

    /** Schema violations of {@code data}, one message each; empty when it is valid. */
    public static List<String> validate(EventType<?> type, JsonNode data) {
        Objects.requireNonNull(data, "data");
        return schema(type).validate(data).stream().map(ValidationMessage::getMessage).toList();
    }

    /** For consumers: a violation makes the message a poison message, not something to retry. */
    public static void requireValid(EventType<?> type, JsonNode data) {
        List<String> violations = validate(type, data);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.type() + " does not match its schema: " + violations, violations);
        }
    }

    private static JsonSchema schema(EventType<?> type) {
        return SCHEMAS.computeIfAbsent(type.schemaResource(), EventValidator::load);
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = EventValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Schema " + resource + " is missing from the classpath");
            }
            JsonNode schema = EventJson.mapper().readTree(in);
            return FACTORY.getSchema(SchemaLocation.of("classpath:" + resource.substring(1)), schema, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + resource, e);
        }
    }
}
