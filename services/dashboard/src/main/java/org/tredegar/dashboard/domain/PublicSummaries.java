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

    public Uni<PublicSummary> of(Hub hub) {
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(WEEK);
        // Volunteer activity is kept per day: the week counts whole days from the day "from" falls on.
        var fromDay = from.atZone(ZoneOffset.UTC).toLocalDate();
        return figures.since(hub.id(), from, fromDay).map(f -> summary(hub, from, to, f));
    }

    private PublicSummary summary(Hub hub, Instant from, Instant to, PublicFigures.Figures f) {
        int k = config.suppressBelow();
        // A median of fewer than k times would describe those few people's requests: leave it out.
        Long median = f.matched() < k || f.medianSeconds() == null ? null : Math.round(f.medianSeconds() / 60.0);
        return new PublicSummary(hub.id(), hub.slug(), hub.name(), from, to, SmallNumbers.cell(f.received(), k),
                SmallNumbers.cell(f.fulfilled(), k), median, SmallNumbers.cell(f.volunteers(), k),
                SmallNumbers.cell(f.items(), k), k);
    }
}
