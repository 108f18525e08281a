package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.requests.domain.Priority;
import org.tredegar.testing.TredegarInfraResource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tredegar.requests.TestRequests.DB;

/** The queue is ordered by urgency, then by waiting time. Channel, contact, items, escalation: none of it counts. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
@TestSecurity(user = "coord-t", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "hubs", value = "tredegar"))
class QueuePriorityTest {
    // This category is used by no other test, so the queue filtered by it holds only these requests.
    static final String BASE = RequestIntakeTest.GROCERIES.replace("\"groceries\"", "\"debris-cleanup\"");

    static UUID request(String urgency, int waitedHours, boolean withContact) {
        String body = BASE.replace("\"urgent\"", "\"" + urgency + "\"");
        if (!withContact) {
            body = body.replace("\"contact\":{\"channel\":\"sms\",\"value\":\"+44 7700 900123\"},", "");
        }
        if (urgency.equals("scheduled")) {
            body = body.replace("\"language\":\"en\"", "\"language\":\"en\",\"window\":{\"from\":\"2030-01-01T09:00:00Z\",\"to\":\"2030-01-01T11:00:00Z\"}");
        }
        UUID id = TestRequests.submit(body);
        DB.update("UPDATE help_requests SET submitted_at = now() - make_interval(hours => ?) WHERE id = ?", waitedHours, id);
        return id;
    }

    @Test
    void urgencyFirstThenLongestWaiting() {
        UUID routineOldest = request("routine", 72, true);
        UUID urgentOlder = request("urgent", 5, false);
        UUID lifeSafety = request("life-safety", 1, false);
        UUID urgentNewer = request("urgent", 2, true);
        UUID scheduled = request("scheduled", 30, true);
        UUID routineNewer = request("routine", 3, false);
        // Escalation and duplicates do not jump the queue either.
        DB.update("UPDATE help_requests SET escalation_level = 3, status = 'escalated' WHERE id = ?", routineNewer);

        List<UUID> expected = List.of(lifeSafety, urgentOlder, urgentNewer, scheduled, routineOldest, routineNewer);
        assertThat(queue(50)).containsExactlyElementsOf(expected);
        assertThat(queue(2)).as("the same order across pages").containsExactlyElementsOf(expected);
    }

    @Test
    void rankDependsOnUrgencyAlone() {
        assertThat(List.of(Urgency.LIFE_SAFETY, Urgency.URGENT, Urgency.SCHEDULED, Urgency.ROUTINE))
                .extracting(Priority::rank).isSorted().doesNotHaveDuplicates();
        assertThat(Priority.class.getDeclaredMethods()).allSatisfy(m ->
                assertThat(m.getParameterTypes()).containsExactly(Urgency.class));
    }

    static List<UUID> queue(int limit) {
        List<UUID> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("category", "debris-cleanup").queryParam("limit", limit);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/hubs/tredegar/requests").then().statusCode(200).extract();
            List<String> items = page.path("items.id");
            items.forEach(i -> ids.add(UUID.fromString(i)));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
