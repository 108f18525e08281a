package org.tredegar.notifications;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
@TestSecurity(user = "partner-demo", roles = "partner")
@OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
class WebhookTest {
    static final Db DB = Db.of("notifications");
    static final String SECRET = "a-partner-secret-of-enough-length-0123";

    static String subscribe(String path) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", ExternalWorld.partner().baseUrl() + path, "eventTypes", List.of(Events.LOW_STOCK),
                        "hubs", List.of("tredegar"), "secret", SECRET))
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("status", equalTo("active")).body("secret", org.hamcrest.Matchers.nullValue())
                .extract().path("id");
    }

    @Test
    void aReceiverGetsSignedCloudEventsAndARetryAfterItFailed() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        ExternalWorld.partner().stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        ExternalWorld.partner().stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));
        String id = subscribe(path);
        UUID location = UUID.randomUUID();
        String eventId = Events.publish(new LowStock(location, HubIds.idOf("tredegar"), ItemSlug.BLANKET, 3, 20, TestClock.current()));

        await().atMost(Duration.ofSeconds(30)).until(() -> received(path).size() >= 2);
        List<LoggedRequest> requests = received(path);
        Webhook receiver = new Webhook(SECRET.getBytes(StandardCharsets.UTF_8));
        for (LoggedRequest r : requests) {
            Map<String, List<String>> headers = Map.of(
                    "webhook-id", List.of(r.getHeader("webhook-id")),
                    "webhook-timestamp", List.of(r.getHeader("webhook-timestamp")),
                    "webhook-signature", List.of(r.getHeader("webhook-signature")));
            receiver.verify(r.getBodyAsString(), headers); // throws when the signature does not verify
            assertThat(r.getHeader("webhook-signature")).startsWith("v1,");
            assertThat(r.getHeader("Content-Type")).startsWith("application/cloudevents+json");
            JsonObject ce = new JsonObject(r.getBodyAsString());
            assertThat(ce.getString("specversion")).isEqualTo("1.0");
            assertThat(ce.getString("id")).isEqualTo(eventId);
            assertThat(ce.getString("type")).isEqualTo(Events.LOW_STOCK);
            assertThat(ce.getString("source")).isEqualTo(EventCatalog.of(LowStock.class).source());
            assertThat(ce.getJsonObject("data").getString("item")).isEqualTo("blanket");
        }
        // A retry is the same message: same webhook-id, so the receiver can drop a repeat.
        assertThat(requests.get(0).getHeader("webhook-id")).isEqualTo(requests.get(1).getHeader("webhook-id"));
        // A body signed with another secret does not verify.
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () ->
                new Webhook("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8)).verify(requests.get(0).getBodyAsString(),
                        Map.of("webhook-id", List.of(requests.get(0).getHeader("webhook-id")),
                                "webhook-timestamp", List.of(requests.get(0).getHeader("webhook-timestamp")),
                                "webhook-signature", List.of(requests.get(0).getHeader("webhook-signature")))))).isNotNull();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/subscriptions/" + id + "/deliveries")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].outcome", equalTo("retrying")).body("items[0].statusCode", equalTo(500))
                .body("items[0].nextAttemptAt", notNullValue())
                .body("items[1].outcome", equalTo("delivered")).body("items[1].statusCode", equalTo(204))
                .body("items[1].eventId", equalTo(eventId)));
        given().get("/api/v1/subscriptions/" + id + "/deliveries?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", notNullValue());
        given().get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("status", equalTo("active")).body("consecutiveFailures", equalTo(0));
    }

    @Test
    void aSubscriptionThatKeepsFailingIsPausedAndSaysWhy() {
        String path = "/broken/" + UUID.randomUUID();
        ExternalWorld.partner().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        String id = subscribe(path);
        Events.publish(new LowStock(UUID.randomUUID(), HubIds.idOf("tredegar"), ItemSlug.HEATER, 0, 5, TestClock.current()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/subscriptions/" + id).then()
                .statusCode(200).body("status", equalTo("paused"))
                .body("statusReason", containsString("paused after 3 failed delivery attempts in a row"))
                .body("statusReason", containsString("HTTP 500")));
        int attempts = received(path).size();
        assertThat(attempts).isEqualTo(3);

        // Resumed once the receiver is fixed: the waiting delivery goes out.
        ExternalWorld.partner().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        given().post("/api/v1/subscriptions/" + id + "/resume").then().statusCode(200).body("status", equalTo("active"));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path).size() == 4);
    }

    @Test
    void aSubscriptionWhoseSecretCannotBeOpenedDoesNotHoldUpOthers() {
        String goodPath = "/good/" + UUID.randomUUID();
        ExternalWorld.partner().stubFor(post(urlEqualTo(goodPath)).willReturn(aResponse().withStatus(204)));
        String good = subscribe(goodPath);
        // Sealed with a key that is not configured (rotated out, say): it can never be signed.
        UUID broken = UUID.randomUUID();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        DB.update("INSERT INTO subscriptions (id, partner, url, event_types, hub_ids, secret_key_id, secret_nonce, "
                        + "secret_ciphertext, status, created_at, updated_at) VALUES (?, 'partner-demo', ?, ?, ?, 'gone', ?, ?, 'active', ?, ?)",
                broken, ExternalWorld.partner().baseUrl() + "/broken-secret", Events.LOW_STOCK, HubIds.idOf("tredegar").toString(),
                new byte[12], new byte[32], now, now);
        Events.publish(new LowStock(UUID.randomUUID(), HubIds.idOf("tredegar"), ItemSlug.SLEEPING_BAG, 0, 4, TestClock.current()));

        await().atMost(Duration.ofSeconds(30)).until(() -> received(goodPath).size() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/subscriptions/" + broken + "/deliveries")
                .then().statusCode(200).body("items[0].outcome", equalTo("retrying"))
                .body("items[0].error", containsString("secret could not be opened")));
        assertThat(received("/broken-secret")).isEmpty();
        given().get("/api/v1/subscriptions/" + good).then().statusCode(200).body("consecutiveFailures", equalTo(0));
    }

    @Test
    void badSubscriptionsAreRefusedAndNothingIsStored() {
        long before = DB.count("SELECT count(*) FROM subscriptions");
        Map<String, Object> good = Map.of("url", "https://partner.example.org/hook", "eventTypes", List.of(Events.LOW_STOCK),
                "hubs", List.of("tredegar"), "secret", SECRET);
        refused(with(good, "url", "ftp://partner.example.org/hook"), "url");
        refused(with(good, "url", "file:///etc/passwd"), "url");
        refused(with(good, "eventTypes", List.of("org.tredegar.requests.NoSuchThing.v1")), "eventTypes");
        refused(with(good, "eventTypes", List.of()), "eventTypes");
        refused(with(good, "secret", "short"), "secret");
        given().contentType(ContentType.JSON).body(with(good, "hubs", List.of("ebbw-vale")))
                .post("/api/v1/subscriptions").then().statusCode(403).contentType("application/problem+json");
        assertThat(DB.count("SELECT count(*) FROM subscriptions")).isEqualTo(before);
        given().get("/api/v1/subscriptions/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    static void refused(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    static List<LoggedRequest> received(String path) {
        return ExternalWorld.partner().findAll(postRequestedFor(urlEqualTo(path)));
    }
}
