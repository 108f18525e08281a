package org.tredegar.dashboard.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.dashboard.domain.HubSnapshot.ChannelRow;
import org.tredegar.dashboard.domain.MessageOutcome;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.tredegar.dashboard.persistence.Statements.run;

/** What became of each message to a person ({@code notification_outcome}): the latest outcome per notification. */
@ApplicationScoped
public class NotificationOutcomes {
    @Inject
    Reads reads;

    /** The latest outcome wins (ties: the larger slug, so "sent" beats "failed" at the same instant). */
    public Uni<Void> outcome(UUID notificationId, UUID hubId, String kind, String channel, MessageOutcome outcome,
                             Instant at) {
        return run("INSERT INTO notification_outcome (notification_id, hub_id, kind, channel, outcome, occurred_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (notification_id) DO UPDATE SET "
                + "outcome = EXCLUDED.outcome, occurred_at = EXCLUDED.occurred_at "
                + "WHERE (EXCLUDED.occurred_at, EXCLUDED.outcome) > (notification_outcome.occurred_at, notification_outcome.outcome)",
                notificationId, hubId, kind, channel, outcome.slug(), at).replaceWithVoid();
    }

    /** Sent and failed messages per channel in the last 24 hours. */
    public Uni<List<ChannelRow>> lastDayPerChannel(UUID hubId) {
        return reads.list("SELECT channel, count(*) FILTER (WHERE outcome = '" + MessageOutcome.SENT.slug() + "') AS sent, "
                + "count(*) FILTER (WHERE outcome = '" + MessageOutcome.FAILED.slug() + "') AS failed "
                + "FROM notification_outcome WHERE hub_id = $1 "
                + "AND occurred_at > now() - interval '24 hours' GROUP BY channel ORDER BY channel",
                row -> new ChannelRow(row.getString("channel"), Reads.count(row, "sent"), Reads.count(row, "failed")), hubId);
    }
}
