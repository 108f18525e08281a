package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps asyncapi.yaml, the document partners and operators read, in step with the catalog. */
class AsyncApiTest {

    private static final Path DOCUMENT = Path.of("asyncapi.yaml");
    private static final List<String> CLOUDEVENTS_HEADERS =
            List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "content-type");

    private static JsonNode asyncApi;

    @BeforeAll
    static void parse() throws IOException {
        asyncApi = new YAMLMapper().readTree(DOCUMENT.toFile());
    }

    static List<EventType<?>> types() {
        return EventCatalog.all();
    }

    @Test
    void isAsyncApi3() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void everyChannelIsAKnownTopic() {
        assertThat(asyncApi.path("channels")).isNotEmpty();
        asyncApi.path("channels")
                .forEach(channel -> assertThat(Topics.all()).contains(channel.path("address").asText()));
    }

    @Test
    void everyMessageIsACatalogType() {
        List<String> messages = new ArrayList<>();
        asyncApi.path("channels")
                .forEach(channel -> channel.path("messages").fieldNames().forEachRemaining(messages::add));

        assertThat(messages)
                .containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream().map(EventType::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void typeIsAMessageOnTheChannelOfItsTopic(EventType<?> type) {
        JsonNode message = resolve(channelOf(type).path("messages").path(type.name()));

        assertThat(message.isMissingNode()).as("message %s on %s", type.name(), type.topic()).isFalse();
        assertThat(message.path("title").asText()).isEqualTo(type.type());
        assertThat(message.path("contentType").asText()).isEqualTo("application/json");
        assertThat(message.at("/bindings/kafka/key/type").asText()).as("Kafka key").isEqualTo("string");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void messageCarriesTheCloudEventsHeadersOfItsType(EventType<?> type) {
        JsonNode headers = resolve(channelOf(type).path("messages").path(type.name())).path("headers");
        List<String> required = new ArrayList<>();
        List<JsonNode> parts = new ArrayList<>();
        headers.path("allOf").forEach(part -> parts.add(resolve(part)));
        parts.forEach(part -> part.path("required").forEach(name -> required.add(name.asText())));

        assertThat(required).containsAll(CLOUDEVENTS_HEADERS);
        assertThat(parts).anySatisfy(part -> {
            assertThat(part.at("/properties/ce_type/const").asText()).isEqualTo(type.type());
            assertThat(part.at("/properties/ce_source/const").asText()).isEqualTo(type.source());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void payloadIsTheSchemaFileOfItsType(EventType<?> type) {
        String ref = resolve(channelOf(type).path("messages").path(type.name())).at("/payload/$ref").asText();

        assertThat(ref).isEqualTo("./src/main/resources" + type.schemaResource());
        assertThat(DOCUMENT.toAbsolutePath().getParent().resolve(ref).normalize()).isRegularFile();
    }

    @Test
    void everyFileReferenceExists() {
        List<String> refs = new ArrayList<>();
        collectRefs(asyncApi, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            if (ref.startsWith("#")) {
                assertThat(asyncApi.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(DOCUMENT.toAbsolutePath().getParent().resolve(ref).normalize()).isRegularFile();
            }
        });
    }

    private static JsonNode channelOf(EventType<?> type) {
        for (JsonNode channel : asyncApi.path("channels")) {
            if (channel.path("address").asText().equals(type.topic())) {
                return channel;
            }
        }
        throw new AssertionError("No channel with address " + type.topic());
    }

    /** Follows a local {@code $ref}; anything else is returned as it is. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? resolve(asyncApi.at(ref.substring(1))) : node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
