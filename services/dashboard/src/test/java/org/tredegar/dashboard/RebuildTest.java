package org.tredegar.dashboard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.domain.HubSnapshot;
import org.tredegar.dashboard.domain.OperatorSnapshots;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** An admin rebuild empties the read models and replays the topics from offset 0 to the same figures. */
@QuarkusTest
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "dashboard"))
class RebuildTest {
    @Inject
    OperatorSnapshots snapshots;

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aRebuildReplaysToTheSameReadModels() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Scenario scenario = new Scenario(now);
        Set<String> ids = new LinkedHashSet<>();
        scenario.events().forEach(e -> ids.add(Events.send(e)));
        await().atMost(Duration.ofSeconds(60)).until(() -> ReadModelDb.processed(ids) == ids.size());
        Hub hub = new Hub(scenario.hub, "test", "Test hub");
        HubSnapshot before = snapshots.of(hub, now, List.of()).await().indefinitely();
        long requestsBefore = ReadModelDb.DB.count("SELECT count(*) FROM request_state");

        given().post("/api/v1/admin/rebuild").then().statusCode(202).body("state", equalTo("running"));
        await().atMost(Duration.ofSeconds(120)).until(() ->
                "done".equals(given().get("/api/v1/admin/rebuild").then().statusCode(200).extract().path("state")));

        HubSnapshot after = snapshots.of(hub, now, List.of()).await().indefinitely();
        assertThat(after).usingRecursiveComparison().isEqualTo(before);
        assertThat(ReadModelDb.DB.count("SELECT count(*) FROM request_state")).isEqualTo(requestsBefore);
        assertThat(ReadModelDb.processed(ids)).isEqualTo(ids.size());
        assertThat(given().get("/api/v1/admin/rebuild").then().extract().<Integer>path("replayed")).isGreaterThanOrEqualTo(ids.size());
    }

    @Test
    @TestSecurity(user = "coord", roles = "coordinator")
    void onlyAdminsMayRebuild() {
        given().post("/api/v1/admin/rebuild").then().statusCode(403).contentType(startsWith("application/problem+json"));
    }
}
