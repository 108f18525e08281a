package org.tredegar.dashboard.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.dashboard.config.DashboardConfig;
import org.tredegar.dashboard.config.Hub;
import org.tredegar.dashboard.persistence.PublicFigures;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The public, aggregate-only figures of a hub over a rolling week; small numbers suppressed. */
@ApplicationScoped
public class PublicSummaries {
    static final Duration WEEK = Duration.ofDays(7);

    @Inject
    PublicFigures figures;
    @Inject
    DashboardConfig config;

    public Uni<PublicWeek> of(Hub hub) {
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(WEEK);
        // Volunteer activity is kept per day: the week counts whole days from the day "from" falls on.
        var fromDay = from.atZone(ZoneOffset.UTC).toLocalDate();
        return figures.since(hub.id(), from, fromDay).map(f -> publishable(hub, from, to, f));
    }

    private PublicWeek publishable(Hub hub, Instant from, Instant to, PublicFigures.Figures f) {
        int k = config.suppressBelow();
        // A median of fewer than k times would describe those few people's requests: leave it out.
        Long median = f.matched() < k || f.medianSeconds() == null ? null : Math.round(f.medianSeconds() / 60.0);
        return new PublicWeek(hub, from, to, PublicCount.of(f.received(), k), PublicCount.of(f.fulfilled(), k), median,
                PublicCount.of(f.volunteers(), k), PublicCount.of(f.items(), k), k);
    }
}
