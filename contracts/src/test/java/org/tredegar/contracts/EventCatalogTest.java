package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.volunteers.v1.OfferMade;

class EventCatalogTest {

    static List<EventType<?>> types() {
        return EventCatalog.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void byTypeFindsEachType(EventType<?> type) {
        assertThat(EventCatalog.byType(type.type())).contains(type);
        assertThat(EventCatalog.of(type.dataClass())).isSameAs(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void eachTypeLivesInThePackageOfItsServiceAndVersion(EventType<?> type) {
        Class<?> dataClass = type.dataClass();

        assertThat(dataClass.isRecord()).as("%s is a record", dataClass).isTrue();
        assertThat(dataClass.getPackageName())
                .isEqualTo("org.tredegar.contracts." + type.service() + ".v" + type.version());
        assertThat(dataClass.getSimpleName()).isEqualTo(type.name());
        assertThat(Topics.all()).contains(type.topic());
        assertThat(EventCatalog.class.getResource(type.schemaResource()))
                .as("schema %s", type.schemaResource()).isNotNull();
    }

    @Test
    void knowsTheServicesOfTheConventions() {
        assertThat(EventCatalog.all()).extracting(EventType::service)
                .containsOnly("requests", "volunteers", "logistics", "notifications", "audit");
    }

    @Test
    void unknownTypesAreNotFound() {
        record Stranger(UUID hubId) implements TredegarEvent {
            @Override
            public String aggregateId() {
                return hubId.toString();
            }
        }

        assertThat(EventCatalog.byType("org.tredegar.requests.RequestSubmitted.v9")).isEmpty();
        assertThatThrownBy(() -> EventCatalog.of(Stranger.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stranger");
    }

    @Test
    void forTopicSplitsTheCatalogByTopic() {
        List<EventType<?>> byTopic = Topics.all().stream().flatMap(topic -> EventCatalog.forTopic(topic).stream())
                .toList();

        assertThat(byTopic).containsExactlyInAnyOrderElementsOf(EventCatalog.all());
        assertThat(EventCatalog.forTopic(Topics.REQUESTS)).contains(EventCatalog.of(RequestSubmitted.class));
        assertThat(EventCatalog.forTopic(Topics.VOLUNTEERS)).contains(EventCatalog.of(OfferMade.class));
        assertThat(EventCatalog.forTopic("tredegar.unknown.v1")).isEmpty();
    }

    /** An event record that is not registered could be produced by mistake but never consumed. */
    @Test
    void everyEventRecordIsRegistered() throws IOException, URISyntaxException {
        Path classes = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> eventRecords;
        try (Stream<Path> files = Files.walk(classes)) {
            eventRecords = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')
                            .replace('\\', '.'))
                    .map(EventCatalogTest::load)
                    .filter(type -> type.isRecord() && TredegarEvent.class.isAssignableFrom(type))
                    .toList();
        }

        assertThat(eventRecords).hasSizeGreaterThanOrEqualTo(31);
        List<Class<?>> registered = EventCatalog.all().stream().<Class<?>>map(EventType::dataClass).toList();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(eventRecords);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, EventCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
