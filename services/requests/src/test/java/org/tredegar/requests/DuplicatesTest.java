package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.requests.v1.RequestsMerged;
import org.tredegar.testing.TredegarInfraResource;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tredegar.requests.TestRequests.DB;

/** The same contact asking for the same help is linked, never refused; a coordinator merges or splits. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
@TestSecurity(user = "coord-t", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
class DuplicatesTest {

    static String groceriesFrom(String phone) {
        return RequestIntakeTest.GROCERIES.replace("+44 7700 900123", phone);
    }

    static UUID[] pair() {
        String phone = Texts.newNumber();
        UUID first = TestRequests.submit(groceriesFrom(phone));
        UUID second = TestRequests.submit(groceriesFrom(phone.replace("+44", "+44 ")));
        return new UUID[]{first, second};
    }

    static io.restassured.response.ValidatableResponse post(UUID id, String action, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/requests/" + id + "/" + action).then();
    }

    @Test
    void sameContactAndCategoryIsLinkedAsAProbableDuplicate() {
        UUID[] p = pair();
        given().get("/api/v1/requests/" + p[1]).then().statusCode(200).body("duplicateOf", equalTo(p[0].toString()));
        given().get("/api/v1/requests/" + p[0]).then().statusCode(200).body("duplicateOf", nullValue());
        UUID otherCategory = TestRequests.submit(groceriesFrom("+44 7700 900555").replace("\"groceries\"", "\"transport\""));
        given().get("/api/v1/requests/" + otherCategory).then().body("duplicateOf", nullValue());
    }

    /**
     * A person who presses "send" a dozen times while the intake statements are busy: all twelve queue and go out in
     * one statement (group commit), where none can see the others committed. One is the original, the rest link to it.
     */
    @Test
    void requestsFromOneContactInOneIntakeStatementAreLinkedToOneOriginal() throws Exception {
        String phone = Texts.newNumber();
        ExecutorService callers = Executors.newFixedThreadPool(14);
        List<Future<UUID>> sent = new ArrayList<>();
        try (Connection blocker = DB.connect()) {
            // Hold intake's inserts: the statement slots fill with other people's requests, the dozen queue behind.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE help_requests IN SHARE MODE");
            for (int i = 0; i < 2; i++) {
                callers.submit(() -> TestRequests.submit(groceriesFrom(Texts.newNumber())));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) DB.value("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query LIKE 'WITH input%'")).intValue() >= 1);
            for (int i = 0; i < 12; i++) {
                sent.add(callers.submit(() -> TestRequests.submit(groceriesFrom(phone))));
            }
            Thread.sleep(1000); // let the dozen reach the queue
            blocker.commit();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (Future<UUID> f : sent) {
                rows.addAll(DB.rows("SELECT id, duplicate_of FROM help_requests WHERE id = ?", f.get()));
            }
        } finally {
            callers.shutdownNow();
        }
        List<Object> originals = rows.stream().filter(r -> r.get("duplicate_of") == null).map(r -> r.get("id")).toList();
        assertThat(originals).hasSize(1);
        assertThat(rows).filteredOn(r -> r.get("duplicate_of") != null)
                .extracting(r -> r.get("duplicate_of")).hasSize(11).containsOnly(originals.get(0));
    }

    @Test
    void mergeClosesTheDuplicateEmitsRequestsMergedAndIsAudited() {
        UUID[] p = pair();
        post(p[1], "merge", "{\"into\":\"" + p[0] + "\"}").statusCode(200)
                .body("status", equalTo("closed")).body("duplicateOf", equalTo(p[0].toString()));
        assertThat(TestRequests.status(p[0])).isEqualTo("submitted");
        assertThat(TestRequests.outboxTypes(p[1])).containsExactly("RequestSubmitted", "RequestClosed");
        assertThat(TestRequests.outboxTypes(p[0])).containsExactly("RequestSubmitted", "RequestsMerged");
        RequestsMerged merged = EventJson.read(TestRequests.published(p[0], RequestsMerged.class).value(),
                RequestsMerged.class);
        assertThat(merged.mergedRequestId()).isEqualTo(p[1]);
        assertThat(merged.mergedBy()).startsWith("coordinator:");
        assertThat(DB.value("SELECT detail FROM audit_log WHERE action = 'merge' AND subject_id = ?", p[1].toString()))
                .asString().contains("into=" + p[0]);

        post(p[1], "merge", "{\"into\":\"" + p[0] + "\"}").statusCode(409).contentType(startsWith("application/problem+json"));
        assertThat(TestRequests.outboxTypes(p[0])).containsExactly("RequestSubmitted", "RequestsMerged");
    }

    @Test
    void badMergesAreRefusedAndChangeNothing() {
        UUID[] p = pair();
        post(p[1], "merge", "{}").statusCode(400).body("errors.field", hasItem("into"));
        post(p[1], "merge", "{\"into\":\"" + p[1] + "\"}").statusCode(409).body("type", equalTo("https://tredegar.org/problems/merge-into-itself"));
        post(p[1], "merge", "{\"into\":\"" + UUID.randomUUID() + "\"}").statusCode(404).contentType(startsWith("application/problem+json"));
        post(p[1], "merge", "{\"into\":\"not-a-uuid\"}").statusCode(400).body("errors.field", hasItem("into"));
        UUID ebbwVale = TestRequests.submit(RequestIntakeTest.GROCERIES.replace("51.7730", "51.7776").replace("-3.2460", "-3.2066"));
        post(p[1], "merge", "{\"into\":\"" + ebbwVale + "\"}").statusCode(409).body("type", equalTo("https://tredegar.org/problems/merge-across-hubs"));
        assertThat(TestRequests.status(p[1])).isEqualTo("submitted");
        assertThat(TestRequests.outboxTypes(p[1])).containsExactly("RequestSubmitted");
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE subject_id = ?", p[1].toString())).isZero();
    }

    @Test
    void splitClearsTheLinkAndIsAudited() {
        UUID[] p = pair();
        post(p[1], "split", "").statusCode(200).body("duplicateOf", nullValue()).body("status", equalTo("submitted"));
        assertThat(DB.value("SELECT duplicate_of FROM help_requests WHERE id = ?", p[1])).isNull();
        assertThat(DB.count("SELECT count(*) FROM audit_log WHERE action = 'split' AND subject_id = ?", p[1].toString())).isEqualTo(1);
        post(p[1], "split", "").statusCode(409).body("type", equalTo("https://tredegar.org/problems/not-linked"));
    }

    @Test
    @TestSecurity(user = "coord-e", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "hubs", value = "ebbw-vale"))
    void coordinatorsOfOtherHubsCannotMergeOrSplit() {
        UUID[] p = pair();
        post(p[1], "merge", "{\"into\":\"" + p[0] + "\"}").statusCode(403).contentType(startsWith("application/problem+json"));
        post(p[1], "split", "").statusCode(403);
        assertThat(DB.value("SELECT duplicate_of FROM help_requests WHERE id = ?", p[1])).isEqualTo(p[0]);
    }
}
