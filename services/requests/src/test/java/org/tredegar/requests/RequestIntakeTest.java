package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.KafkaTestClient;
import org.tredegar.testing.SharedInfra;
import org.tredegar.testing.TredegarInfraResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class RequestIntakeTest {

    static final String GROCERIES = """
            {"category":"groceries","urgency":"urgent","description":"Shopping for the week, I can't get out",
             "location":{"lat":51.7730,"lon":-3.2460},"items":[{"item":"food-parcel","quantity":1}],
             "contact":{"channel":"sms","value":"+44 7700 900123"},"language":"en"}""";

    @Test
    void anonymousRequestIsAcceptedRoutedAndPublishedWithoutContactDetails() throws Exception {
        String id = given().contentType(ContentType.JSON).body(GROCERIES)
                .when().post("/api/v1/requests")
                .then().statusCode(202)
                .body("status", equalTo("submitted"))
                .body("trackingCode", matchesPattern("[2-9A-Z]{4}-[2-9A-Z]{4}"))
                .body("id", notNullValue())
                .extract().path("id");

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read("tredegar.requests.v1", Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("org.tredegar.requests.RequestSubmitted.v1");
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/tredegar/requests");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(id);
        assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
        RequestSubmitted event = EventJson.read(record.value(), RequestSubmitted.class);
        assertThat(event.hubId()).isEqualTo(HubIds.idOf("tredegar"));
        assertThat(event.hasContact()).isTrue();
        assertThat(event.outsideHubArea()).isFalse();
        String payload = new String(record.value());
        assertThat(payload).doesNotContain("7700").doesNotContain("900123");

        try (Connection c = DriverManager.getConnection(SharedInfra.postgres().jdbcUrl("requests"), "tredegar", "tredegar");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT ciphertext FROM request_contacts WHERE request_id = '" + UUID.fromString(id) + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("7700 900123");
        }
    }

    @Test
    void requestOutsideEveryAreaGoesToTheNearestHubFlagged() {
        String id = given().contentType(ContentType.JSON)
                .body(GROCERIES.replace("51.7730", "51.9000").replace("-3.2460", "-3.2000"))
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("id");
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.read("tredegar.requests.v1", Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())));
        RequestSubmitted event = EventJson.read(records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value(),
                RequestSubmitted.class);
        assertThat(event.outsideHubArea()).isTrue();
        assertThat(event.hubId()).isEqualTo(HubIds.idOf("ebbw-vale"));
    }

    @Test
    void trackingShowsStatusAndNextStepOnly() {
        String code = given().contentType(ContentType.JSON).body(GROCERIES)
                .when().post("/api/v1/requests").then().statusCode(202).extract().path("trackingCode");
        given().when().get("/api/v1/requests/track/" + code.toLowerCase())
                .then().statusCode(200)
                .body("status", equalTo("submitted"))
                .body("nextStep", notNullValue())
                .body("description", org.hamcrest.Matchers.nullValue())
                .body("contact", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void lifeSafetyRequestsGetEmergencyGuidanceAndAreStillTracked() {
        given().contentType(ContentType.JSON)
                .body(GROCERIES.replace("\"urgent\"", "\"life-safety\""))
                .when().post("/api/v1/requests").then().statusCode(202)
                .body("emergencyGuidance", org.hamcrest.Matchers.containsString("999"))
                .body("trackingCode", notNullValue());
    }

    @Test
    void hubsAreListedPublicly() {
        given().when().get("/api/v1/hubs").then().statusCode(200)
                .body("slug", org.hamcrest.Matchers.hasItems("tredegar", "ebbw-vale"))
                .body("find { it.slug == 'tredegar' }.id", equalTo(HubIds.idOf("tredegar").toString()))
                .body("find { it.slug == 'tredegar' }.areas[0].polygon.size()", equalTo(4));
    }
}
