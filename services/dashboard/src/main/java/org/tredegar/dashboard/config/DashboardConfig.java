package org.tredegar.dashboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The dashboard's settings (application.properties, {@code tredegar.dashboard.*}). */
@ConfigMapping(prefix = "tredegar.dashboard")
public interface DashboardConfig {

    /** Hubs shown on the pages: slug → display name. */
    Map<String, String> hubs();

    /** Time to a first match per urgency slug; after it an unmatched request is breaching. */
    Map<String, Duration> matchTarget();

    /** Public counts below this are shown as "&lt;N". */
    @WithDefault("5")
    int suppressBelow();

    /** While events keep arriving, the operator snapshots are recomputed at most this often. */
    @WithDefault("PT0.5S")
    Duration refreshEvery();

    /** No event for this long and the operator page marks its data stale. */
    @WithDefault("PT2M")
    Duration staleAfter();

    /** Where each hub is, for the operator map: slug → centre and outline. A hub without one gets no map. */
    Map<String, Area> areas();

    /** Side of a map cell: requests and volunteers are counted per cell of about this many km. */
    @WithDefault("1")
    double mapCellKm();

    /** How far around a hub's outline its map reaches. */
    @WithDefault("1")
    double mapMarginKm();

    /** How often the consumer lag of the dashboard's group is measured (a scheduler interval). */
    @WithDefault("5s")
    String lagEvery();

    interface Area {
        /** "lat,lon". */
        String centre();

        /** Corners as "lat,lon lat,lon ..." (the hub's area as GET /api/v1/hubs lists it); none: a square around the centre. */
        Optional<String> outline();
    }
}
