package org.tredegar.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestMatched;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.TredegarInfraResource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

/** The operator page and its stream show only the caller's hubs, and news arrives without a reload. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "dashboard"))
class OperatorPageTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/operator/stream")
    URL stream;

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void aCoordinatorSeesOnlyTheirHubAndNewRequestsArriveLive() throws Exception {
        String page = given().get("/operator").then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        assertThat(page).contains("id=\"hub-tredegar\"", "id=\"tredegar-open\"", "id=\"tredegar-stale\"",
                "id=\"tredegar-waiting\"", "id=\"event-rates\"", "src=\"/assets/operator.js\"", "<html lang=\"en\">");
        assertThat(page).doesNotContain("hub-ebbw-vale");
        assertThat(page).contains("id=\"tredegar-map\"", "id=\"tredegar-map-cells\"", "id=\"tredegar-map-notes\"",
                "<th scope=\"col\">Consumer lag</th>");

        List<JsonNode> first = read(stream.toString(), messages -> messages.size() >= 1, Duration.ofSeconds(20));
        assertThat(first).isNotEmpty().allMatch(m -> m.get("slug").asText().equals("tredegar"));
        long unmatchedBefore = first.get(0).at("/backlog/unmatched").asLong();

        // A request comes in while the stream is open: a message with the higher count follows, no reload.
        CompletableFuture<List<JsonNode>> live = CompletableFuture.supplyAsync(() -> read(stream.toString(),
                messages -> messages.stream().anyMatch(m -> m.at("/backlog/unmatched").asLong() > unmatchedBefore),
                Duration.ofSeconds(60)));
        Events.send(new RequestSubmitted(UUID.randomUUID(), HubIds.idOf("tredegar"), HelpCategory.TRANSPORT,
                Urgency.URGENT, "Lift to the surgery", new GeoPoint(51.773, -3.247), null, List.of(), "en", false,
                ContactChannel.NONE, IntakeChannel.WEB, null, false, Instant.now()));
        List<JsonNode> messages = live.get(90, TimeUnit.SECONDS);
        assertThat(messages).anyMatch(m -> m.at("/backlog/unmatched").asLong() == unmatchedBefore + 1);
        assertThat(messages).allMatch(m -> m.get("slug").asText().equals("tredegar"));
        assertThat(messages.get(messages.size() - 1).at("/stale").asBoolean()).isFalse();
    }

    @Test
    @TestSecurity(user = "op", roles = "operator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar,ebbw-vale"))
    void thePageIsLightAndMayRunOnlyItsOwnScriptAndStream() {
        var response = given().get("/operator");
        assertThat(response.statusCode()).isEqualTo(200);
        String policy = response.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("script-src 'unsafe-inline'", "*");
        String page = response.asString();
        assertThat(page).doesNotContain("http://", "https://").doesNotContain("<script>");
        int script = given().get("/assets/operator.js").then().statusCode(200).extract().asByteArray().length;
        // Both hubs, both maps: page and script together stay far below the public page's 200 KB budget.
        assertThat(response.asByteArray().length + script).as("operator page + script bytes")
                .isLessThan(PublicPagesTest.PAGE_BUDGET_BYTES);
    }

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void aMatchedRequestIsListedAsAClaimWithItsStatus() {
        UUID request = UUID.randomUUID();
        UUID volunteer = UUID.randomUUID();
        Instant at = Instant.now().minus(Duration.ofMinutes(5));
        List<String> ids = List.of(
                Events.send(new RequestSubmitted(request, HubIds.idOf("tredegar"), HelpCategory.GROCERIES,
                        Urgency.ROUTINE, "Weekly shop", null, null, List.of(), "en", false, ContactChannel.NONE,
                        IntakeChannel.WEB, null, false, at)),
                Events.send(new RequestMatched(request, HubIds.idOf("tredegar"), UUID.randomUUID(), volunteer,
                        at.plusSeconds(60))));
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadModelDb.processed(ids) == ids.size());

        // The snapshot is recomputed soon after events arrive; the claims table (the 50 held longest, so perhaps
        // older ones than this) shows the status by its slug, on the page as in the JSON.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().get("/operator").then()
                .statusCode(200).extract().asString()).contains("<td>matched</td>"));
        given().get("/operator/snapshot").then().statusCode(200)
                .body("[0].claims.status", org.hamcrest.Matchers.hasItem("matched"));
    }

    @Test
    @TestSecurity(user = "coord-t", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void anotherHubIsForbidden() {
        given().get("/operator/stream?hub=ebbw-vale").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().get("/operator/snapshot?hub=ebbw-vale").then().statusCode(403);
        given().get("/operator/snapshot").then().statusCode(200).body("slug", org.hamcrest.Matchers.contains("tredegar"));
    }

    @Test
    @TestSecurity(user = "op", roles = "operator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar,ebbw-vale"))
    void anOperatorOfBothHubsSeesBoth() {
        given().get("/operator/snapshot").then().statusCode(200)
                .body("slug", org.hamcrest.Matchers.containsInAnyOrder("tredegar", "ebbw-vale"));
        assertThat(read(stream.toString(), m -> m.size() >= 2, Duration.ofSeconds(20)))
                .extracting(m -> m.get("slug").asText()).contains("tredegar", "ebbw-vale");
    }

    @Test
    @TestSecurity(user = "vol", roles = "volunteer")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void volunteersCannotSeeIt() {
        given().get("/operator").then().statusCode(403);
        given().get("/operator/stream").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().redirects().follow(false).get("/operator").then().statusCode(401);
        given().get("/api/v1/admin/rebuild").then().statusCode(401);
    }

    /** Reads SSE "data:" lines as JSON until enough arrived or the time is up. */
    static List<JsonNode> read(String url, Predicate<List<JsonNode>> enough, Duration timeout) {
        List<JsonNode> messages = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", "text/event-stream").build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while (System.nanoTime() < deadline && !enough.test(messages) && (line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        messages.add(JSON.readTree(line.substring(5)));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return messages;
    }
}
