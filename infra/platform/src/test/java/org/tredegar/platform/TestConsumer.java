package org.tredegar.platform;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tredegar.contracts.requests.v1.RequestUpdated;
import org.tredegar.platform.inbox.EventInbox;
import org.tredegar.platform.inbox.IncomingEvent;

import java.util.concurrent.atomic.AtomicBoolean;

/** Records every RequestUpdated it handles; fails on purpose for notes saying "fail" until told to stop. */
@ApplicationScoped
public class TestConsumer {
    static final AtomicBoolean FAILING = new AtomicBoolean(true);

    @Inject
    EventInbox inbox;

    @Incoming("platform-test-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, "platform-test", this::handle);
    }

    Uni<Void> handle(IncomingEvent event) {
        if (!(event.data() instanceof RequestUpdated updated)) {
            return Uni.createFrom().voidItem();
        }
        if ("fail".equals(updated.description()) && FAILING.get()) {
            return Uni.createFrom().failure(new IllegalStateException("a downstream system is unavailable"));
        }
        HandledEvent row = new HandledEvent();
        row.eventId = event.id();
        row.requestId = updated.requestId();
        row.note = updated.description();
        return row.persist().replaceWithVoid();
    }
}
