package org.tredegar.dashboard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestFulfilled;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.platform.hub.HubIds;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The public page and the partner summary: no login, the same figures, small numbers suppressed, light pages.
 * Only this class sends events for the ebbw-vale hub, so its figures are exact.
 */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "dashboard"))
class PublicPagesTest {
    static final UUID EBBW_VALE = HubIds.idOf("ebbw-vale");
    static final int PAGE_BUDGET_BYTES = 200 * 1024;

    @Test
    void smallCountsAreSuppressedInTheJsonAndOnThePage() {
        List<String> ids = new ArrayList<>();
        UUID first = null;
        for (int i = 0; i < 6; i++) {
            UUID request = UUID.randomUUID();
            first = first == null ? request : first;
            ids.add(Events.send(new RequestSubmitted(request, EBBW_VALE, HelpCategory.GROCERIES, Urgency.ROUTINE,
                    "Weekly shop", new GeoPoint(51.778, -3.207), "Hilltop", List.of(), "en", false, ContactChannel.NONE,
                    IntakeChannel.WEB, null, false, Instant.now().minus(Duration.ofHours(1)))));
        }
        ids.add(Events.send(new RequestFulfilled(first, EBBW_VALE, null, Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadModelDb.processed(ids) == ids.size());

        for (String hub : List.of("ebbw-vale", EBBW_VALE.toString())) {
            given().get("/api/v1/hubs/" + hub + "/summary").then().statusCode(200)
                    .body("slug", equalTo("ebbw-vale"))
                    .body("requestsReceived", equalTo(6))
                    .body("requestsFulfilled", equalTo("<5"))
                    .body("volunteersActive", equalTo("<5"))
                    .body("itemsDistributed", equalTo("<5"))
                    .body("medianMinutesToMatch", equalTo(null))
                    .body("suppressedBelow", equalTo(5));
        }

        String page = given().get("/hubs/ebbw-vale").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertThat(page).contains("<html lang=\"en\" dir=\"ltr\"", ">Ebbw Vale Mutual Aid</h1>", "<caption",
                ">Requests for help received</th>", "href=\"/ask?hub=ebbw-vale&amp;lang=en\"", ">Ask for help</a>");
        assertThat(page).containsPattern("id=\"ebbw-vale-received\">6<");
        assertThat(page).containsPattern("id=\"ebbw-vale-fulfilled\">&lt;5<");
        // In Welsh when the address says so, every word of the page (the hub's name is its own).
        String welsh = given().get("/hubs/ebbw-vale?lang=cy").then().statusCode(200).extract().asString();
        assertThat(welsh).contains("<html lang=\"cy\" dir=\"ltr\"").doesNotContain(">Ask for help<", "Requests for help received");
        String arabic = given().get("/hubs/ebbw-vale?lang=ar").then().statusCode(200).extract().asString();
        assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\"");
    }

    @Test
    void pagesAreLightAndNeedNoLogin() {
        for (String path : List.of("/", "/hubs/tredegar", "/hubs/ebbw-vale")) {
            Response response = given().get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asByteArray().length).as(path + " page weight").isLessThan(PAGE_BUDGET_BYTES);
            assertThat(response.asString()).doesNotContain("http://", "https://").contains("<html lang=\"en\"");
            // Our own stylesheet and script, nothing inline, nothing from elsewhere.
            assertThat(response.header("Content-Security-Policy")).as(path + " " + response.headers()).contains("default-src 'none'",
                    "style-src 'self'", "script-src 'self'").doesNotContain("unsafe-inline");
        }
        String index = given().get("/").then().extract().asString();
        assertThat(index).contains("href=\"/hubs/tredegar?lang=en\"", "href=\"/hubs/ebbw-vale?lang=en\"", "href=\"/ask?lang=en\"");
    }

    @Test
    void unknownHubsAreA404PageAndA404Problem() {
        String page = given().get("/hubs/atlantis").then().statusCode(404).contentType(startsWith("text/html"))
                .extract().asString();
        assertThat(page).contains("<html lang=\"en\"", "There is no page here", "href=\"/?lang=en\"");
        assertThat(given().get("/hubs/%3Cb%3E").then().statusCode(404).extract().asString()).doesNotContain("<b>");

        given().get("/api/v1/hubs/atlantis/summary").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tredegar.org/problems/not-found"));
        given().get("/api/v1/hubs/" + UUID.randomUUID() + "/summary").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
