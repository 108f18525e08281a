package org.tredegar.requests;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Deadlines of a second and the escalation schedule on: a different profile, so the app restarts for it — against
 * the same database and broker (SharedInfra keeps them across restarts).
 */
public class ShortDeadlinesProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tredegar.escalation.every", "1s",
                "tredegar.escalation.life-safety", "PT1S",
                "tredegar.escalation.urgent", "PT1S",
                "tredegar.escalation.routine", "PT1S",
                "tredegar.escalation.scheduled", "PT1S");
    }
}
