package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tredegar.testing.TredegarInfraResource;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tredegar.requests.TestRequests.DB;

/**
 * "If you asked, we helped": nothing may ask about income, benefits, immigration status, identity documents or
 * deservingness. Fails the build if a table of this service or a record of its API gains such a field.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class RequestSchemaGuardTest {
    static final Pattern FORBIDDEN = Pattern.compile(
            "income|benefit|salary|wage|eligib|means|worth|deserv|immigra|visa|passport|nationality|identity|ssn"
                    + "|national_insurance|credit|donor", Pattern.CASE_INSENSITIVE);
    static final Path API_CLASSES = Path.of("target/classes/org/tredegar/requests/api");

    /** camelCase → snake_case, so nationalInsurance is caught like national_insurance. */
    static List<String> offending(List<String> names) {
        return names.stream()
                .filter(n -> FORBIDDEN.matcher(n.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)).find())
                .toList();
    }

    static List<String> columns() {
        return DB.rows("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'")
                .stream().map(r -> r.get("table_name") + "." + r.get("column_name")).toList();
    }

    static List<String> apiFields() throws IOException, ClassNotFoundException {
        List<String> fields = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        try (Stream<Path> files = Files.list(API_CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "org.tredegar.requests.api." + file.getFileName().toString().replace(".class", "");
                collect(Class.forName(name), fields, seen);
            }
        }
        return fields;
    }

    static void collect(Class<?> type, List<String> fields, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            fields.add(type.getSimpleName() + "." + c.getName());
            collectTypes(c.getGenericType(), fields, seen);
        }
    }

    static void collectTypes(Type type, List<String> fields, Set<Class<?>> seen) {
        if (type instanceof Class<?> c) {
            collect(c, fields, seen);
        } else if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collectTypes(arg, fields, seen);
            }
        }
    }

    @Test
    void noTableHasAWorthinessColumn() {
        List<String> columns = columns();
        assertThat(columns).contains("help_requests.urgency", "request_contacts.ciphertext");
        assertThat(offending(columns)).isEmpty();
    }

    @Test
    void noApiModelHasAWorthinessField() throws Exception {
        List<String> fields = apiFields();
        assertThat(fields).contains("SubmitRequest.category", "Location.lat", "Contact.value", "RequestView.status");
        assertThat(offending(fields)).isEmpty();
    }

    record Sneaky(String householdIncome, String nationalInsuranceNumber, String name) {
    }

    record Holder(List<Sneaky> people) {
    }

    @Test
    void theGuardCatchesWhatItLooksFor() {
        List<String> fields = new ArrayList<>();
        collect(Holder.class, fields, new HashSet<>());
        assertThat(offending(fields)).containsExactly("Sneaky.householdIncome", "Sneaky.nationalInsuranceNumber");
        assertThat(offending(List.of("help_requests.immigration_status", "help_requests.is_deserving", "help_requests.visa_type",
                "help_requests.category"))).hasSize(3);
    }
}
