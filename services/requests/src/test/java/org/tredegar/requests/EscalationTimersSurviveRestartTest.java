package org.tredegar.requests;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tredegar.requests.domain.EscalationJob;
import org.tredegar.testing.TredegarInfraResource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tredegar.requests.TestRequests.DB;

/**
 * Runs in its own profile (one-second deadlines, schedule on), so Quarkus restarts the app before it: the timer
 * planted by {@link EscalationTest} in the previous app instance must still fire, once per level, while the
 * schedule and four more threads race for it. Run together with EscalationTest (e.g. -Dtest='Escalation*');
 * Quarkus runs the default-profile classes first.
 */
@QuarkusTest
@TestProfile(ShortDeadlinesProfile.class)
@QuarkusTestResource(value = TredegarInfraResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class EscalationTimersSurviveRestartTest {
    @Inject
    EscalationJob job;

    @Test
    void timerPlantedBeforeTheRestartFiresOncePerLevel() throws Exception {
        Object probe = DB.value("SELECT id FROM help_requests WHERE description = ?", EscalationTest.RESTART_PROBE);
        assertThat(probe).as("EscalationTest plants the probe in the app instance before the restart").isNotNull();
        UUID id = (UUID) probe;
        assertThat(EscalationTest.escalatedLevels(id)).containsExactly(1);
        EscalationTest.deadlinePassed(id);
        raceUntilLevel3(id);
        assertThat(EscalationTest.escalatedLevels(id)).containsExactly(1, 2, 3);
    }

    @Test
    void newRequestEscalatesThroughEveryLevelOnce() throws Exception {
        UUID id = TestRequests.submitGroceries();
        raceUntilLevel3(id);
        assertThat(EscalationTest.escalatedLevels(id)).containsExactly(1, 2, 3);
        assertThat(DB.value("SELECT escalate_at FROM help_requests WHERE id = ?", id)).isNull();
    }

    private void raceUntilLevel3(UUID id) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Jobs.concurrently(4, job::runOnce);
            return EscalationTest.level(id) == 3;
        });
        assertThat(TestRequests.status(id)).isEqualTo("escalated");
    }
}
