package org.tredegar.dashboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

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

    /** How often the operator snapshots are checked for news (a scheduler interval, e.g. "1s"). */
    @WithDefault("1s")
    String refreshEvery();

    /** No event for this long and the operator page marks its data stale. */
    @WithDefault("PT2M")
    Duration staleAfter();
}
