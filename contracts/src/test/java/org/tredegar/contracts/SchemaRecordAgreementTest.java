package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tredegar.contracts.model.Slugged;

/**
 * The schemas are written by hand, so this test holds each one to its record: same fields, {@code required} exactly
 * the components without {@link Optional}, and matching JSON types, formats and enum slugs, down through nested
 * value types and lists.
 */
class SchemaRecordAgreementTest {

    static List<EventType<?>> types() {
        return EventCatalog.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void schemaIsAnOpenObjectOfDraft202012(EventType<?> type) {
        JsonNode schema = Schemas.of(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asText()).isEqualTo(type.type());
        assertThat(schema.path("type").asText()).isEqualTo("object");
        // Open at the top, so a later optional field does not make older consumers reject new messages.
        assertThat(schema.path("additionalProperties").isBoolean() && schema.path("additionalProperties").asBoolean())
                .as("additionalProperties: true").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void propertiesAreExactlyTheRecordComponents(EventType<?> type) {
        JsonNode schema = Schemas.of(type);

        assertThat(fieldNames(schema.path("properties")))
                .containsExactlyInAnyOrderElementsOf(components(type.dataClass()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void requiredAreExactlyTheComponentsNotMarkedOptional(EventType<?> type) {
        JsonNode schema = Schemas.of(type);
        List<String> required = Arrays.stream(type.dataClass().getRecordComponents())
                .filter(component -> !component.isAnnotationPresent(Optional.class))
                .map(RecordComponent::getName)
                .toList();

        assertThat(texts(schema.path("required"))).containsExactlyInAnyOrderElementsOf(required);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyPropertyHasTheJsonTypeOfItsComponent(EventType<?> type) {
        List<String> mismatches = new ArrayList<>();

        compareRecord(type.dataClass(), Schemas.of(type), type.name(), mismatches);

        assertThat(mismatches).isEmpty();
    }

    private static void compareRecord(Class<?> record, JsonNode schema, String path, List<String> mismatches) {
        JsonNode properties = schema.path("properties");
        List<String> required = texts(schema.path("required"));
        if (!Set.copyOf(fieldNames(properties)).equals(Set.copyOf(components(record)))) {
            mismatches.add(path + ": properties " + fieldNames(properties) + " but components " + components(record));
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            boolean optional = component.isAnnotationPresent(Optional.class);
            if (required.contains(name) == optional) {
                mismatches.add(path + "." + name + ": required in schema must equal not @Optional in record");
            }
            if (properties.has(name)) {
                compare(component.getGenericType(), optional, properties.get(name), path + "." + name, mismatches);
            }
        }
    }

    private static void compare(Type javaType, boolean optional, JsonNode schema, String path,
            List<String> mismatches) {
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        String expected = jsonType(raw);
        JsonNode typeNode = schema.path("type");
        List<String> types = typeNode.isArray() ? texts(typeNode) : List.of(typeNode.asText());
        List<String> wanted = optional ? List.of(expected, "null") : List.of(expected);
        if (!types.equals(wanted)) {
            mismatches.add(path + ": type " + types + ", expected " + wanted);
        }
        String format = format(raw);
        if (format != null && !format.equals(schema.path("format").asText(null))) {
            mismatches.add(path + ": format " + schema.path("format").asText(null) + ", expected " + format);
        }
        if (raw.isEnum()) {
            List<String> slugs = Arrays.stream(raw.getEnumConstants()).map(c -> ((Slugged) c).slug()).toList();
            if (!texts(schema.path("enum")).equals(slugs)) {
                mismatches.add(path + ": enum " + texts(schema.path("enum")) + ", expected " + slugs);
            }
        }
        if (raw.isRecord()) {
            compareRecord(raw, schema, path, mismatches);
        }
        if (raw == List.class) {
            compare(((ParameterizedType) javaType).getActualTypeArguments()[0], false, schema.path("items"),
                    path + "[]", mismatches);
        }
    }

    private static String jsonType(Class<?> raw) {
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "integer";
        }
        if (raw == double.class || raw == Double.class) {
            return "number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == List.class) {
            return "array";
        }
        if (raw.isRecord()) {
            return "object";
        }
        if (raw == String.class || raw == UUID.class || raw == Instant.class || raw == LocalDate.class
                || (raw.isEnum() && Slugged.class.isAssignableFrom(raw))) {
            return "string";
        }
        throw new IllegalArgumentException("No JSON type known for " + raw + "; extend this test when adding one");
    }

    private static String format(Class<?> raw) {
        if (raw == UUID.class) {
            return "uuid";
        }
        if (raw == Instant.class) {
            return "date-time";
        }
        if (raw == LocalDate.class) {
            return "date";
        }
        return null;
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
