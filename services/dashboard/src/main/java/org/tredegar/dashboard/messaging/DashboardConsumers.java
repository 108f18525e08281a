package org.tredegar.dashboard.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.contracts.Topics;
import org.tredegar.dashboard.domain.ReadModelProjector;
import org.tredegar.dashboard.persistence.TopicActivity;
import org.tredegar.platform.inbox.EventInbox;

import java.util.List;

/**
 * Every topic, through the shared idempotent inbox (consumer group and inbox name "dashboard"): a redelivered
 * event has no second effect, an unknown or malformed one goes to {@code <topic>.dashboard.dlq}.
 */
@ApplicationScoped
public class DashboardConsumers {
    public static final String CONSUMER = "dashboard";
    /** The topics it reads (one channel each, in application.properties), in the order the pages list them. */
    public static final List<String> TOPICS = List.of(Topics.REQUESTS, Topics.VOLUNTEERS, Topics.LOGISTICS,
            Topics.NOTIFICATIONS);

    @Inject
    EventInbox inbox;
    @Inject
    ReadModelProjector projector;
    @Inject
    TopicActivity activity;

    @Incoming("request-events")
    public Uni<Void> requests(ConsumerRecord<String, byte[]> record) {
        return live(record);
    }

    @Incoming("volunteer-events")
    public Uni<Void> volunteers(ConsumerRecord<String, byte[]> record) {
        return live(record);
    }

    @Incoming("logistics-events")
    public Uni<Void> logistics(ConsumerRecord<String, byte[]> record) {
        return live(record);
    }

    @Incoming("notification-events")
    public Uni<Void> notifications(ConsumerRecord<String, byte[]> record) {
        return live(record);
    }

    private Uni<Void> live(ConsumerRecord<String, byte[]> record) {
        // The event rate and the "stale" age count live arrivals only (a rebuild's replay is not traffic).
        return inbox.process(record, CONSUMER, event -> projector.apply(event).chain(() -> activity.arrived(record.topic())));
    }
}
