package org.tredegar.dashboard.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.dashboard.config.DashboardConfig;
import org.tredegar.dashboard.persistence.RequestView;

import java.time.Duration;

/**
 * How long each urgency may wait for a first match. Passed to the read-model queries as seconds, so every query
 * computes deadlines the same way: {@code submitted_at + target}.
 */
@ApplicationScoped
public class MatchTargets {
    @Inject
    DashboardConfig config;

    public Duration of(Urgency urgency) {
        Duration target = config.matchTarget().get(urgency.slug());
        if (target == null) {
            throw new IllegalStateException("tredegar.dashboard.match-target." + urgency.slug() + " is not set");
        }
        return target;
    }

    /** The targets in seconds, as the read-model queries compute deadlines with them. */
    public RequestView.Targets seconds() {
        return new RequestView.Targets(of(Urgency.LIFE_SAFETY).toSeconds(), of(Urgency.URGENT).toSeconds(),
                of(Urgency.ROUTINE).toSeconds(), of(Urgency.SCHEDULED).toSeconds());
    }
}
