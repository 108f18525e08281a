package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.notifications.domain.NotificationPlanner;
import org.tredegar.platform.inbox.EventInbox;

@ApplicationScoped
public class RequestEventsConsumer {
    static final String CONSUMER = "notifications";

    @Inject
    EventInbox inbox;
    @Inject
    NotificationPlanner planner;

    @Incoming("request-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, CONSUMER, planner::plan);
    }
}
