package org.tredegar.e2e;

import org.tredegar.testing.WholePlatform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every role × own hub / other hub, with real tokens from the real Keycloak, against the running
 * services. The table is authorization-matrix.csv; an endpoint in a service's OpenAPI without a row fails the build.
 * <p>
 * Cells: {@code A} allowed for both hubs, {@code D} denied, {@code S} allowed for the caller's own hub and denied for
 * the other. Allowed means the answer is neither 401 nor 403 (the body may still be refused: that is not
 * authorization); denied means 401 for the anonymous caller and 403 for everyone else. Callers act for the hub
 * `tredegar` (operator and admin for both hubs, so for them the "other" hub is theirs too: write A).
 */
class AuthorizationMatrixIT {
    static final List<String> ROLES = List.of("anonymous", "volunteer", "coordinator", "partner", "operator", "admin", "service");
    static final Map<String, String> OWN = Map.of("hub", "tredegar");
    static final Map<String, String> OTHER = Map.of("hub", "ebbw-vale");

    record Row(String service, String method, String path, Map<String, String> cells) {
    }

    static final WholePlatform platform = WholePlatform.get();
    static final Map<String, String> tokens = new HashMap<>();
    static final Map<String, Map<String, String>> fixtures = new HashMap<>();

    @BeforeAll
    static void tokensAndFixtures() {
        tokens.put("volunteer", platform.token("volunteer.tredegar"));
        tokens.put("coordinator", platform.token("coordinator.tredegar"));
        tokens.put("operator", platform.token("operator"));
        tokens.put("admin", platform.token("admin"));
        tokens.put("partner", platform.clientToken("partner-demo", "partner-demo-secret"));
        tokens.put("service", platform.clientToken("notifications-service", "notifications-service-secret"));
        fixtures.put("tredegar", Map.of("id", request(51.7727, -3.2467),
                "volunteers:id", DEMO_VOLUNTEER.get("tredegar"),
                "logistics:id", location("tredegar", "coordinator.tredegar", 51.7727, -3.2467),
                "item", "tinned-food"));
        fixtures.put("ebbw-vale", Map.of("id", request(51.7776, -3.2066),
                "volunteers:id", DEMO_VOLUNTEER.get("ebbw-vale"),
                "logistics:id", location("ebbw-vale", "coordinator.ebbw-vale", 51.7776, -3.2066),
                "item", "tinned-food"));
    }

    /** Volunteers the demo registers (no account, reached by SMS), one per hub. */
    static final Map<String, String> DEMO_VOLUNTEER = Map.of(
            "tredegar", "7e1c0de0-0000-4000-8000-000000000003",
            "ebbw-vale", "7e1c0de0-0000-4000-8000-000000000006");

    static String location(String hub, String coordinator, double lat, double lon) {
        return given().auth().oauth2(platform.token(coordinator)).contentType(ContentType.JSON)
                .body("{\"name\":\"Matrix check store\",\"kind\":\"food-bank\",\"lat\":" + lat + ",\"lon\":" + lon + "}")
                .when().post(platform.url("logistics") + "/api/v1/hubs/" + hub + "/locations")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * A valid body for the rows whose empty body would be refused (400) before the hub is checked: with it, a
     * denial for the other hub is a real hub check, not bean validation. Placeholders as in paths.
     */
    static Map<String, String> bodies() throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/authorization-bodies.properties")) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> bodies = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> bodies.put(k, properties.getProperty(k)));
        return bodies;
    }

    static String request(double lat, double lon) {
        return given().contentType(ContentType.JSON).body("{\"category\":\"transport\",\"urgency\":\"routine\","
                        + "\"description\":\"Lift to the GP\",\"location\":{\"lat\":" + lat + ",\"lon\":" + lon + "},\"language\":\"en\"}")
                .when().post(platform.url("requests") + "/api/v1/requests").then().statusCode(202).extract().path("id");
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/authorization-matrix.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            List<String> header = List.of(lines.get(0).split(","));
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                Map<String, String> cells = new HashMap<>();
                for (String role : ROLES) {
                    cells.put(role, f[header.lastIndexOf(role)].trim()); // "service" is also the first column's name
                }
                rows.add(new Row(f[0].trim(), f[1].trim(), f[2].trim(), cells));
            }
            return rows;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleAsTheMatrixSays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            for (String role : ROLES) {
                for (String hub : List.of("tredegar", "ebbw-vale")) {
                    if (hub.equals("ebbw-vale") && !row.path().contains("{")) {
                        continue; // no hub in the path: one check per role is the whole story
                    }
                    String cell = row.cells().get(role);
                    boolean allowed = cell.equals("A") || (cell.equals("S") && hub.equals("tredegar"));
                    tests.add(DynamicTest.dynamicTest(row.method() + " " + row.service() + row.path() + " as " + role + " on " + hub,
                            () -> check(row, role, hub, allowed)));
                }
            }
        }
        return tests.stream();
    }

    void check(Row row, String role, String hub, boolean allowed) throws IOException {
        String path = withFixtures(row.service(), row.path().replace("{hubId}", hub), hub);
        String body = withFixtures(row.service(), bodies().getOrDefault(row.service() + " " + row.method() + " " + row.path(), "{}"), hub);
        RequestSpecification spec = given().contentType(ContentType.JSON).body(body).redirects().follow(false);
        if (!role.equals("anonymous")) {
            spec = spec.auth().oauth2(tokens.get(role));
        }
        int status = spec.when().request(row.method(), platform.url(row.service()) + path).then().extract().statusCode();
        if (allowed) {
            assertThat(status).as("%s %s as %s", row.method(), path, role).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s %s as %s", row.method(), path, role).isEqualTo(role.equals("anonymous") ? 401 : 403);
        }
    }

    /** {placeholder} (a name, not JSON) → this service's fixture of that hub, else the shared one, else a random UUID. */
    static String withFixtures(String service, String text, String hub) {
        Map<String, String> f = fixtures.get(hub);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = f.getOrDefault(service + ":" + name, f.getOrDefault(name, UUID.randomUUID().toString()));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void everyBodyBelongsToARow() throws IOException {
        Set<String> listed = rows().stream().map(r -> r.service() + " " + r.method() + " " + r.path()).collect(Collectors.toSet());
        assertThat(bodies().keySet()).as("authorization-bodies.properties keys without a matrix row").isSubsetOf(listed);
    }

    @Test
    void everyEndpointOfEveryServiceHasARow() throws IOException {
        Set<String> listed = rows().stream().map(r -> r.service() + " " + r.method() + " " + r.path()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String service : WholePlatform.SERVICES) {
            String openapi = given().accept("application/json").when().get(platform.url(service) + "/q/openapi?format=json")
                    .then().statusCode(200).extract().asString();
            JsonNode paths = json.readTree(openapi).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!p.getKey().startsWith("/api/")) {
                    continue;
                }
                for (Iterator<String> methods = p.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase();
                    if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                            && !listed.contains(service + " " + method + " " + p.getKey())) {
                        missing.add(service + " " + method + " " + p.getKey());
                    }
                }
            }
        }
        assertThat(missing).as("endpoints without a row in authorization-matrix.csv").isEmpty();
    }
}
