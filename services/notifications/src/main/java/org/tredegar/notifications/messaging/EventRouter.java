package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.notifications.domain.NotificationPlanner;
import org.tredegar.notifications.domain.WebhookFanout;
import org.tredegar.platform.inbox.IncomingEvent;

/** Every consumed event: messages to people (planner) and deliveries to partner webhooks, in one transaction. */
@ApplicationScoped
public class EventRouter {
    public static final String CONSUMER = "notifications";

    @Inject
    NotificationPlanner planner;
    @Inject
    WebhookFanout webhooks;

    public Uni<Void> handle(IncomingEvent event) {
        return planner.plan(event).chain(() -> webhooks.fanOut(event));
    }
}
