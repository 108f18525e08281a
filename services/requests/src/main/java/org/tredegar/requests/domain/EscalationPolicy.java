package org.tredegar.requests.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.model.Urgency;

import java.time.Duration;
import java.time.Instant;

/** How long an unmatched request may wait before it escalates, per urgency; each level waits that long again. */
@ApplicationScoped
public class EscalationPolicy {
    public static final int MAX_LEVEL = 3;

    @ConfigProperty(name = "tredegar.escalation.life-safety", defaultValue = "PT15M")
    Duration lifeSafety;
    @ConfigProperty(name = "tredegar.escalation.urgent", defaultValue = "PT2H")
    Duration urgent;
    @ConfigProperty(name = "tredegar.escalation.routine", defaultValue = "PT48H")
    Duration routine;
    @ConfigProperty(name = "tredegar.escalation.scheduled", defaultValue = "PT24H")
    Duration scheduled;

    public Duration deadline(Urgency urgency) {
        return switch (urgency) {
            case LIFE_SAFETY -> lifeSafety;
            case URGENT -> urgent;
            case ROUTINE -> routine;
            case SCHEDULED -> scheduled;
        };
    }

    public Instant next(Urgency urgency, Instant from) {
        return from.plus(deadline(urgency));
    }
}
