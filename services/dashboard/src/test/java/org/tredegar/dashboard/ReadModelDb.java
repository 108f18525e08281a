package org.tredegar.dashboard;

import org.tredegar.dashboard.messaging.DashboardConsumers;
import org.tredegar.testing.Db;

import java.util.Collection;

/** The dashboard's database, for assertions on read models and on what its inbox has processed. */
final class ReadModelDb {
    static final Db DB = Db.of("dashboard");

    private ReadModelDb() {
    }

    /** How many of these CloudEvent ids the dashboard's inbox has processed. */
    static long processed(Collection<String> ceIds) {
        return DB.count("SELECT count(*) FROM processed_events WHERE consumer = ? AND event_id = ANY(?)",
                DashboardConsumers.CONSUMER, ceIds.toArray(new String[0]));
    }
}
