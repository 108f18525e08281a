package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.volunteers.v1.OfferAccepted;
import org.tredegar.notifications.persistence.Notifications;
import org.tredegar.notifications.persistence.RequesterChannels;
import org.tredegar.platform.inbox.IncomingEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A reminder before a task with a time: when the request named a time window, the volunteer who took it is reminded
 * {@code tredegar.reminders.before} ahead. Recorded now as a held message due then; if the task has ended by then
 * (done, given back, cancelled) the task lookup at send time says so and nothing is sent.
 */
@ApplicationScoped
public class TaskReminders {
    /** A reminder sooner than this after the yes would only repeat the task details. */
    static final Duration NOT_SOONER_THAN = Duration.ofMinutes(30);

    @Inject
    RequesterChannels requesterChannels;
    @Inject
    Notifications notifications;
    @Inject
    TimeSource clock;
    @ConfigProperty(name = "tredegar.reminders.before", defaultValue = "PT1H")
    Duration before;

    public Uni<Void> plan(IncomingEvent cause, OfferAccepted accepted, Map<String, Object> task) {
        Instant now = clock.now();
        return requesterChannels.find(accepted.requestId()).chain(known -> {
            Instant windowFrom = known.map(RequesterChannels.Known::windowFrom).orElse(null);
            if (windowFrom == null || windowFrom.minus(before).isBefore(now.plus(NOT_SOONER_THAN))) {
                return Uni.createFrom().voidItem();
            }
            Intent reminder = new Intent(accepted.hubId(), MessageKind.TASK_REMINDER, RecipientType.VOLUNTEER,
                    accepted.volunteerId(), null, false, accepted.assignmentId(), task);
            return notifications.recordIntent(reminder, "en", cause.id(), NotificationStatus.HELD, now, windowFrom.minus(before))
                    .replaceWithVoid();
        });
    }
}
