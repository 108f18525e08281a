package org.tredegar.dashboard.domain;

import org.tredegar.dashboard.config.Hub;

import java.time.Instant;

/**
 * What may be published about one hub over a rolling week: aggregates only, small counts suppressed, and the median
 * wait for a first match (in minutes) only when enough requests were matched (else null).
 */
public record PublicWeek(
        Hub hub,
        Instant from,
        Instant to,
        PublicCount requestsReceived,
        PublicCount requestsFulfilled,
        Long medianMinutesToMatch,
        PublicCount volunteersActive,
        PublicCount itemsDistributed,
        int suppressedBelow) {
}
