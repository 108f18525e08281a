package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.tredegar.dashboard.persistence.Statements.run;

/**
 * Events received live per topic and minute ({@code topic_activity}): the event rates and the stale badge.
 * Operational, not a read model: a rebuild keeps it, and replayed events are not counted in it.
 */
@ApplicationScoped
public class TopicActivity {
    public record TopicMinute(String topic, Instant minute, int events) {
    }

    @Inject
    Reads reads;

    /** One more live arrival on the topic, in the database's current minute. */
    public Uni<Void> arrived(String topic) {
        return run("INSERT INTO topic_activity (topic, minute, events, last_at) VALUES (?1, date_trunc('minute', now()), 1, now()) "
                + "ON CONFLICT (topic, minute) DO UPDATE SET events = topic_activity.events + 1, "
                + "last_at = GREATEST(topic_activity.last_at, EXCLUDED.last_at)", topic).replaceWithVoid();
    }

    public Uni<List<TopicMinute>> minutesSince(Instant since) {
        return reads.list("SELECT topic, minute, events FROM topic_activity WHERE minute >= $1 ORDER BY minute",
                row -> new TopicMinute(row.getString("topic"), Reads.instant(row, "minute"), row.getInteger("events")), since);
    }

    /** When each topic last had a live event (topics without any are absent). */
    public Uni<Map<String, Instant>> lastEventPerTopic() {
        return reads.map("SELECT topic, max(last_at) AS last_at FROM topic_activity GROUP BY topic",
                row -> row.getString("topic"), row -> Reads.instant(row, "last_at"));
    }
}
