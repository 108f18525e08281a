package org.tredegar.logistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.Topics;
import org.tredegar.contracts.logistics.v1.LowStock;
import org.tredegar.contracts.logistics.v1.StockAdjusted;
import org.tredegar.contracts.logistics.v1.StockReceived;
import org.tredegar.testing.Db;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.TredegarInfraResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Receipts, adjustments, transfers, stock levels and LowStock, on the real database and broker. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "logistics"))
@TestSecurity(user = "coord-stock", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "hubs", value = "stock-receipts,stock-adjust,stock-transfer,stock-low"))
class StockTest {
    static final Db DB = Db.of("logistics");
    static final String LOW_STOCK = EventCatalog.of(LowStock.class).type();

    @Test
    void aReceiptAddsDatedLotsPublishesStockReceivedAndNeverPublishesTheDonor() {
        UUID location = Api.location("stock-receipts", "Food bank", 51.77, -3.24);
        given().contentType(ContentType.JSON).body("""
                        {"donor":"Corner Shop Ltd","lines":[
                          {"item":"food-parcel","quantity":6,"expiresOn":"%s","lotCode":"LATE"},
                          {"item":"food-parcel","quantity":4,"expiresOn":"%s","lotCode":"EARLY"},
                          {"item":"blanket","quantity":3}]}""".formatted(Api.inDays(30), Api.inDays(5)))
                .when().post("/api/v1/locations/" + location + "/receipts")
                .then().statusCode(201).body("lots.size()", equalTo(3));

        var stock = given().when().get("/api/v1/hubs/stock-receipts/stock").then().statusCode(200).extract().jsonPath();
        assertThat(stock.getInt("items.find { it.item == 'food-parcel' }.onHand")).isEqualTo(10);
        assertThat(stock.getInt("items.find { it.item == 'food-parcel' }.available")).isEqualTo(10);
        assertThat(stock.getInt("items.find { it.item == 'food-parcel' }.reserved")).isZero();
        assertThat(stock.getString("items.find { it.item == 'food-parcel' }.earliestExpiry")).isEqualTo(Api.inDays(5));
        assertThat(stock.getString("items.find { it.item == 'food-parcel' }.unit")).isEqualTo("parcel");
        assertThat(stock.getInt("items.find { it.item == 'blanket' }.onHand")).isEqualTo(3);

        List<ConsumerRecord<String, byte[]>> received = KafkaTestClient.read(Topics.LOGISTICS, Duration.ofSeconds(30),
                        seen -> seen.stream().filter(r -> location.toString().equals(r.key())).count() >= 3)
                .stream().filter(r -> location.toString().equals(r.key())).toList();
        assertThat(received).hasSize(3);
        assertThat(received).allMatch(r -> EventCatalog.of(StockReceived.class).type().equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(received.stream().map(r -> EventJson.read(r.value(), StockReceived.class).quantity()).toList())
                .containsExactlyInAnyOrder(6, 4, 3);
        assertThat(received).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("Corner Shop"));
    }

    @Test
    void adjustmentsCorrectCountsButNeverTouchReservedStock() {
        UUID location = Api.location("stock-adjust", "Warehouse", 51.77, -3.24);
        Api.receive(location, "[{\"item\":\"blanket\",\"quantity\":10}]");
        Api.adjust(location, "blanket", -2, "damp");
        // 8 on hand; hold 6 of them for a request, so only 2 may be written off.
        DB.update("UPDATE stock_lots SET reserved = 6 WHERE location_id = ?", location);
        long outboxBefore = DB.count("SELECT count(*) FROM outbox");

        given().contentType(ContentType.JSON).body("{\"item\":\"blanket\",\"delta\":-3,\"reason\":\"recount\"}")
                .when().post("/api/v1/locations/" + location + "/adjustments")
                .then().statusCode(409).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/stock-below-reserved"));
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", location)).isEqualTo(8);
        assertThat(DB.count("SELECT count(*) FROM outbox")).isEqualTo(outboxBefore);

        Api.adjust(location, "blanket", -2, "recount");
        Api.adjust(location, "blanket", 5, "found in the van");
        var line = given().when().get("/api/v1/hubs/stock-adjust/stock").then().statusCode(200).extract().jsonPath();
        assertThat(line.getInt("items[0].onHand")).isEqualTo(11);
        assertThat(line.getInt("items[0].reserved")).isEqualTo(6);
        assertThat(line.getInt("items[0].available")).isEqualTo(5);
        assertThat(DB.count("SELECT count(*) FROM outbox WHERE type = ? AND message_key = ?",
                EventCatalog.of(StockAdjusted.class).type(), location.toString())).isEqualTo(3);
    }

    @Test
    void transfersMoveFreeStockWithItsExpiryDates() {
        UUID from = Api.location("stock-transfer", "Food bank", 51.77, -3.24);
        UUID to = Api.location("stock-transfer", "Community centre", 51.78, -3.21);
        Api.receive(from, "[{\"item\":\"tinned-food\",\"quantity\":5,\"expiresOn\":\"" + Api.inDays(60) + "\"},"
                + "{\"item\":\"tinned-food\",\"quantity\":5,\"expiresOn\":\"" + Api.inDays(20) + "\"}]");
        given().contentType(ContentType.JSON).body("{\"toLocationId\":\"" + to + "\",\"lines\":[{\"item\":\"tinned-food\",\"quantity\":7}]}")
                .when().post("/api/v1/locations/" + from + "/transfers")
                .then().statusCode(200).body("moved[0].quantity", equalTo(7));
        // First-expiring lot moves first: all 5 of the 20-day lot, then 2 of the 60-day lot.
        assertThat(DB.rows("SELECT expires_on, on_hand FROM stock_lots WHERE location_id = ? ORDER BY expires_on", to))
                .extracting(r -> r.get("expires_on") + "=" + r.get("on_hand"))
                .containsExactly(Api.inDays(20) + "=5", Api.inDays(60) + "=2");
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", from)).isEqualTo(3);

        given().contentType(ContentType.JSON).body("{\"toLocationId\":\"" + to + "\",\"lines\":[{\"item\":\"tinned-food\",\"quantity\":4}]}")
                .when().post("/api/v1/locations/" + from + "/transfers")
                .then().statusCode(409).body("type", equalTo("https://tredegar.org/problems/not-enough-stock"));
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", from)).isEqualTo(3);
        assertThat(DB.count("SELECT sum(on_hand) FROM stock_lots WHERE location_id = ?", to)).isEqualTo(7);
    }

    @Test
    void lowStockIsPublishedOncePerCrossingAndReArmsWhenStockRecovers() {
        UUID location = Api.location("stock-low", "Food bank", 51.77, -3.24);
        Api.receive(location, "[{\"item\":\"nappies\",\"quantity\":12}]");
        Api.minimum(location, "nappies", 10);
        assertThat(lowStockEvents(location)).isZero();

        Api.adjust(location, "nappies", -3, "torn");      // 9: crossed below
        Api.adjust(location, "nappies", -1, "torn");      // 8: still low, no second event
        Api.adjust(location, "nappies", -4, "torn");      // 4
        assertThat(lowStockEvents(location)).isEqualTo(1);
        Api.adjust(location, "nappies", 6, "recount");    // 10: back at the minimum, re-armed
        assertThat(lowStockEvents(location)).isEqualTo(1);
        Api.adjust(location, "nappies", -1, "torn");      // 9: crossed again
        assertThat(lowStockEvents(location)).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> published = KafkaTestClient.read(Topics.LOGISTICS, Duration.ofSeconds(30),
                        seen -> seen.stream().filter(r -> isLowStock(r, location)).count() >= 2)
                .stream().filter(r -> isLowStock(r, location)).toList();
        assertThat(published).hasSize(2);
        assertThat(published.stream().map(r -> EventJson.read(r.value(), LowStock.class)).map(e -> e.available() + "/" + e.minimum()))
                .containsExactly("9/10", "9/10");
        given().when().get("/api/v1/hubs/stock-low/stock").then().statusCode(200)
                .body("items[0].low", equalTo(true)).body("items[0].minimum", equalTo(10));
    }

    static boolean isLowStock(ConsumerRecord<String, byte[]> r, UUID location) {
        return location.toString().equals(r.key()) && LOW_STOCK.equals(KafkaTestClient.header(r, "ce_type"));
    }

    static long lowStockEvents(UUID location) {
        return DB.count("SELECT count(*) FROM outbox WHERE type = ? AND message_key = ?", LOW_STOCK, location.toString());
    }
}
