package org.tredegar.notifications;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.requests.v1.OneTimeCodeIssued;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.Db;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import static org.hamcrest.Matchers.equalTo;

/**
 * Listing and deleting subscriptions: a partner sees and deletes its own only (someone else's answers 404, like one
 * that does not exist), operators and admins list them all, admins delete any; the secret is never answered, and a
 * deleted subscription gets no more deliveries.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(ExternalWorldResource.class)
class SubscriptionListingTest {
    static final Db DB = Db.of("notifications");
    static final String SECRET = "a-partner-secret-of-enough-length-4567";

    /**
     * A subscription as another partner made it. Paused, so nothing is ever delivered to it: its secret is bytes
     * nobody can open, and its host does not exist.
     */
    static UUID stored(String partner, String... hubSlugs) {
        UUID id = UUID.randomUUID();
        List<String> hubs = new ArrayList<>();
        for (String slug : hubSlugs) {
            hubs.add(HubIds.idOf(slug).toString());
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        DB.update("INSERT INTO subscriptions (id, partner, url, event_types, hub_ids, secret_key_id, secret_nonce, "
                        + "secret_ciphertext, status, status_reason, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'test1', ?, ?, 'paused', 'test fixture', ?, ?)",
                id, partner, "https://" + partner + ".example.org/hook", Events.LOW_STOCK, String.join(",", hubs),
                new byte[12], new byte[32], now, now);
        return id;
    }

    /** Every subscription id the caller can list, walking the pages. */
    static List<String> listAll(String query, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", pageSize).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/subscriptions" + query).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            assertThat(page.getList("items.secret")).allMatch(java.util.Objects::isNull);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    static String subscribe(String url) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(Events.LOW_STOCK), "hubs", List.of("tredegar"), "secret", SECRET))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
    }

    @Test
    @TestSecurity(user = "partner-listing-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void aPartnerListsItsOwnSubscriptionsPagedAndNeverTheSecret() {
        String first = subscribe("https://partner-a.example.org/one");
        String second = subscribe("https://partner-a.example.org/two");
        String third = subscribe("https://partner-a.example.org/three");
        UUID someoneElses = stored("partner-listing-other", "tredegar");

        assertThat(listAll("", 2)).containsExactly(first, second, third);
        JsonPath page = given().queryParam("limit", 2).get("/api/v1/subscriptions").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].partner", equalTo("partner-listing-a"))
                .body("items[0].url", equalTo("https://partner-a.example.org/one"))
                .extract().jsonPath();
        assertThat(page.getString("nextCursor")).isNotBlank();
        assertThat(page.prettify()).doesNotContain(SECRET).doesNotContain("secretCiphertext").doesNotContain("secret\"");
        assertThat(listAll("?hub=tredegar", 50)).containsExactly(first, second, third);
        assertThat(listAll("?hub=ebbw-vale", 50)).isEmpty();
        assertThat(listAll("", 500)).doesNotContain(someoneElses.toString());
        given().queryParam("limit", 0).get("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("cursor", "not a cursor").get("/api/v1/subscriptions").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "operator", roles = "operator")
    void anOperatorListsEveryPartnersSubscriptionsByHubButCannotDelete() {
        UUID inTredegar = stored("partner-listing-x", "tredegar");
        UUID inEbbwVale = stored("partner-listing-y", "ebbw-vale");
        UUID inBoth = stored("partner-listing-z", "tredegar", "ebbw-vale");

        assertThat(listAll("", 3)).contains(inTredegar.toString(), inEbbwVale.toString(), inBoth.toString());
        List<String> ebbwVale = listAll("?hub=ebbw-vale", 500);
        assertThat(ebbwVale).contains(inEbbwVale.toString(), inBoth.toString()).doesNotContain(inTredegar.toString());
        assertThat(listAll("?hub=" + HubIds.idOf("ebbw-vale"), 500)).isEqualTo(ebbwVale);

        given().delete("/api/v1/subscriptions/" + inTredegar).then().statusCode(403);
        assertThat(DB.count("SELECT count(*) FROM subscriptions WHERE id = ? AND deleted_at IS NULL", inTredegar)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "partner-listing-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void anotherPartnersSubscriptionCannotBeDeletedAndLooksUnknown() {
        UUID someoneElses = stored("partner-listing-owner", "tredegar");
        given().delete("/api/v1/subscriptions/" + someoneElses).then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/subscriptions/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        assertThat(DB.rows("SELECT status, deleted_at FROM subscriptions WHERE id = ?", someoneElses).get(0))
                .containsEntry("status", "paused").containsEntry("deleted_at", null);
    }

    @Test
    @TestSecurity(user = "partner-listing-c", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void aDeletedSubscriptionGetsNoMoreDeliveries() {
        String keptPath = "/kept/" + UUID.randomUUID();
        String deletedPath = "/deleted/" + UUID.randomUUID();
        ExternalWorld.partner().stubFor(post(urlEqualTo(keptPath)).willReturn(aResponse().withStatus(204)));
        ExternalWorld.partner().stubFor(post(urlEqualTo(deletedPath)).willReturn(aResponse().withStatus(204)));
        String kept = subscribe(ExternalWorld.partner().baseUrl() + keptPath);
        String deleted = subscribe(ExternalWorld.partner().baseUrl() + deletedPath);

        given().delete("/api/v1/subscriptions/" + deleted).then().statusCode(204);
        given().get("/api/v1/subscriptions/" + deleted).then().statusCode(404);
        given().delete("/api/v1/subscriptions/" + deleted).then().statusCode(404);
        given().post("/api/v1/subscriptions/" + deleted + "/resume").then().statusCode(404);
        assertThat(listAll("", 500)).contains(kept).doesNotContain(deleted);
        Map<String, Object> row = DB.rows("SELECT status, deleted_at, octet_length(secret_ciphertext) AS sealed FROM subscriptions "
                + "WHERE id = ?::uuid", deleted).get(0);
        assertThat(row.get("status")).isEqualTo("deleted");
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("sealed")).isEqualTo(0); // the secret is gone, not just hidden
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'subscription.deleted' AND subject_id = ? "
                + "AND hub_id = ?", deleted, HubIds.idOf("tredegar"))).isEqualTo(1);

        Events.publish(new LowStock(UUID.randomUUID(), HubIds.idOf("tredegar"), ItemSlug.COAT, 1, 10, TestClock.current()));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(keptPath).size() == 1);
        assertThat(received(deletedPath)).isEmpty();
        assertThat(DB.count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ?::uuid", deleted)).isZero();
    }

    @Test
    @TestSecurity(user = "partner-listing-c", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
    void oneTimeCodesAreNotForwardedToPartners() {
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://partner-c.example.org/codes", "eventTypes", List.of(EventCatalog.of(OneTimeCodeIssued.class).type()),
                        "hubs", List.of("tredegar"), "secret", SECRET))
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void anAdminDeletesAnyPartnersSubscriptionAndItsWaitingDeliveriesAreCancelled() {
        UUID theirs = stored("partner-listing-d", "tredegar", "ebbw-vale");
        UUID delivery = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        DB.update("INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, payload, status, attempts, "
                + "next_attempt_at, give_up_at, created_at) VALUES (?, ?, ?, ?, '{}', 'pending', 1, ?, ?, ?)",
                delivery, theirs, UUID.randomUUID().toString(), Events.LOW_STOCK, now.plusHours(1), now.plusHours(24), now);

        given().delete("/api/v1/subscriptions/" + theirs).then().statusCode(204);
        assertThat(DB.rows("SELECT status FROM webhook_deliveries WHERE id = ?", delivery).get(0).get("status")).isEqualTo("cancelled");
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'subscription.deleted' AND subject_id = ?",
                theirs.toString())).isEqualTo(2); // one entry in each of its hubs' chains
        assertThat(listAll("", 500)).doesNotContain(theirs.toString());
    }

    @Test
    void anonymousCallersAreNotLetIn() {
        given().get("/api/v1/subscriptions").then().statusCode(401);
        given().delete("/api/v1/subscriptions/" + UUID.randomUUID()).then().statusCode(401);
    }

    static List<LoggedRequest> received(String path) {
        return ExternalWorld.partner().findAll(postRequestedFor(urlEqualTo(path)));
    }
}
