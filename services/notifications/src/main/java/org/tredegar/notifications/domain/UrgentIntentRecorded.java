package org.tredegar.notifications.domain;

/**
 * An urgent message (a one-time code, an urgent request or offer) is being recorded and will be due once its
 * transaction commits: the dispatcher should not leave it to its next tick. Fired as a CDI event by the planner.
 */
public record UrgentIntentRecorded(MessageKind kind) {
}
