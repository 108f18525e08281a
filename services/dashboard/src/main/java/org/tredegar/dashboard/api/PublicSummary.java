package org.tredegar.dashboard.api;

import org.tredegar.dashboard.domain.PublicCount;
import org.tredegar.dashboard.domain.PublicWeek;

import java.time.Instant;
import java.util.UUID;

/**
 * What the public page and the partner API show for one hub over the last 7 days. Counts are numbers, or the
 * string "&lt;5" when small; the median is left out (null) when fewer than 5 requests were matched.
 */
public record PublicSummary(
        UUID hubId,
        String slug,
        String name,
        Instant from,
        Instant to,
        Object requestsReceived,
        Object requestsFulfilled,
        Long medianMinutesToMatch,
        Object volunteersActive,
        Object itemsDistributed,
        int suppressedBelow) {

    public static PublicSummary of(PublicWeek week) {
        return new PublicSummary(week.hub().id(), week.hub().slug(), week.hub().name(), week.from(), week.to(),
                cell(week.requestsReceived()), cell(week.requestsFulfilled()), week.medianMinutesToMatch(),
                cell(week.volunteersActive()), cell(week.itemsDistributed()), week.suppressedBelow());
    }

    /** The count itself, or the string "&lt;threshold". */
    static Object cell(PublicCount count) {
        return count.suppressed() ? "<" + count.threshold() : count.value();
    }

    /** For the page: "2 h 5 min", or null when suppressed. */
    public String medianTimeToMatch() {
        if (medianMinutesToMatch == null) {
            return null;
        }
        long h = medianMinutesToMatch / 60;
        long m = medianMinutesToMatch % 60;
        return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
    }
}
