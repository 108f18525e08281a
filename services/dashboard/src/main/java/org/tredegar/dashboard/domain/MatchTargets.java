package org.tredegar.dashboard.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.dashboard.config.DashboardConfig;

import java.time.Duration;

/**
 * How long each urgency may wait for a first match. Passed to SQL as seconds in a fixed order, so every query
 * computes deadlines the same way: {@code submitted_at + target}.
 */
@ApplicationScoped
public class MatchTargets {
    /** SQL for the target of the row's urgency; expects the seconds as parameters $2..$5 (see {@link #seconds()}). */
    public static final String TARGET = "(CASE urgency WHEN 'life-safety' THEN $2::bigint WHEN 'urgent' THEN $3::bigint "
            + "WHEN 'routine' THEN $4::bigint ELSE $5::bigint END * interval '1 second')";

    @Inject
    DashboardConfig config;

    public Duration of(Urgency urgency) {
        Duration target = config.matchTarget().get(urgency.slug());
        if (target == null) {
            throw new IllegalStateException("tredegar.dashboard.match-target." + urgency.slug() + " is not set");
        }
        return target;
    }

    public Object[] seconds() {
        return new Object[]{of(Urgency.LIFE_SAFETY).toSeconds(), of(Urgency.URGENT).toSeconds(),
                of(Urgency.ROUTINE).toSeconds(), of(Urgency.SCHEDULED).toSeconds()};
    }
}
