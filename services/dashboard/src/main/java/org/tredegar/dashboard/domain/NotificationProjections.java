package org.tredegar.dashboard.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.notifications.v1.NotificationFailed;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.dashboard.persistence.NotificationOutcomes;

/** Events of tredegar.notifications.v1: what became of each message, per channel. */
@ApplicationScoped
class NotificationProjections {
    @Inject
    NotificationOutcomes outcomes;

    void register(ProjectionTable table) {
        table.on(NotificationSent.class, NotificationSent::occurredAt, (e, at, envelope) -> outcomes.outcome(
                        e.notificationId(), e.hubId(), e.kind(), e.channel(), MessageOutcome.SENT, at))
                .on(NotificationFailed.class, NotificationFailed::occurredAt, (e, at, envelope) -> outcomes.outcome(
                        e.notificationId(), e.hubId(), e.kind(), e.channel(), MessageOutcome.FAILED, at));
    }
}
