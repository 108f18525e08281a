package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tredegar.contracts.samples.GoldenSample;
import org.tredegar.contracts.samples.GoldenSamples;

/**
 * Events are copied to every consumer and kept on Kafka, so they must not hold anything that identifies or judges the
 * people asking for help: no contact details, and no income, benefit, eligibility or "deservingness" fields. Mutual
 * aid does not means-test.
 */
class PrivacyGuardTest {

    private static final List<String> FORBIDDEN = List.of("contact", "phone", "email", "address", "name", "postcode",
            "street", "birth", "income", "benefit", "eligib", "worth", "deserv", "immigration", "passport", "ssn",
            "nationalinsurance");

    /** Flags about contact, not contact details: whether and how the requester can be reached. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "RequestSubmitted", Set.of("hasContact", "contactChannel"));

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final Pattern PHONE = Pattern.compile("(\\+44|\\b0)\\s*\\d{2,4}[\\s-]?\\d{3}[\\s-]?\\d{3,4}\\b");

    static List<EventType<?>> types() {
        return EventCatalog.all();
    }

    static List<GoldenSample> samples() {
        return GoldenSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void recordHasNoPersonalOrMeansTestingField(EventType<?> type) {
        List<String> names = new ArrayList<>();
        componentNames(type.dataClass(), names);

        assertThat(offending(type.name(), names)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void schemaHasNoPersonalOrMeansTestingProperty(EventType<?> type) {
        List<String> names = new ArrayList<>();
        propertyNames(Schemas.of(type), names);

        assertThat(offending(type.name(), names)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleTextHoldsNoEmailOrPhoneNumber(GoldenSample sample) {
        assertThat(EMAIL.matcher(sample.json()).find()).as("email address in %s", sample).isFalse();
        assertThat(PHONE.matcher(sample.json()).find()).as("phone number in %s", sample).isFalse();
    }

    /** The guard must bite, or the tests above prove nothing. */
    @Test
    void guardCatchesForbiddenNames() {
        record Careless(UUID hubId, String requesterPhone, String homeAddress, Boolean benefitsClaimant,
                String fullName, Integer householdIncome) {
        }
        List<String> names = new ArrayList<>();
        componentNames(Careless.class, names);

        assertThat(offending("Careless", names))
                .containsExactly("requesterPhone", "homeAddress", "benefitsClaimant", "fullName", "householdIncome");
        assertThat(offending("OfferMade", List.of("hasContact"))).containsExactly("hasContact");
        assertThat(PHONE.matcher("ring 01495 123456").find()).isTrue();
        assertThat(PHONE.matcher("\"requestId\": \"3f2c8a9e-5b71-4d0c-8e2a-6b9d1c4f7a20\"").find()).isFalse();
    }

    private static List<String> offending(String eventName, List<String> names) {
        Set<String> allowed = ALLOWED.getOrDefault(eventName, Set.of());
        return names.stream()
                .filter(name -> !allowed.contains(name))
                .filter(name -> FORBIDDEN.stream().anyMatch(name.toLowerCase(Locale.ROOT)::contains))
                .toList();
    }

    private static void componentNames(Class<?> record, List<String> names) {
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
            nested(component.getGenericType(), names);
        }
    }

    private static void nested(Type type, List<String> names) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                nested(argument, names);
            }
        } else if (type instanceof Class<?> raw && raw.isRecord()) {
            componentNames(raw, names);
        }
    }

    private static void propertyNames(JsonNode schema, List<String> names) {
        schema.path("properties").fields().forEachRemaining(property -> {
            names.add(property.getKey());
            propertyNames(property.getValue(), names);
        });
        if (schema.has("items")) {
            propertyNames(schema.get("items"), names);
        }
    }
}
