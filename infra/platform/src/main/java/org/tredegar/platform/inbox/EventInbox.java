package org.tredegar.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.EventValidator;
import org.tredegar.contracts.InvalidEventException;
import org.tredegar.contracts.TredegarEvent;
import org.tredegar.platform.outbox.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a service consumes events. For each Kafka record it: reads the CloudEvent envelope, refuses what is
 * not a valid event of the catalog (poison: straight to the dead-letter topic, no retry), and otherwise runs the
 * handler in a transaction that also records the event id — so a redelivered event has no second effect.
 * Other failures are retried with backoff, then dead-lettered with the reason; the channel keeps going.
 * <p>
 * Use from an {@code @Incoming} method that returns the {@code Uni} and whose channel has
 * {@code failure-strategy=dead-letter-queue}.
 */
@ApplicationScoped
public class EventInbox {
    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    static final String MARK_PROCESSED = "INSERT INTO processed_events (consumer, event_id, event_type) "
            + "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING";

    @ConfigProperty(name = "tredegar.inbox.retries", defaultValue = "4")
    int retries;
    @ConfigProperty(name = "tredegar.inbox.initial-backoff", defaultValue = "PT0.2S")
    Duration initialBackoff;

    @Inject
    MeterRegistry meters;

    /**
     * For a consumer that acts on a few of its topic's event types ({@code handlers}): a record of another known type
     * is acknowledged at once, from its {@code ce_type} header alone — its body is not read or checked and no
     * transaction records it. Without this, every sign-up (three volunteers events) cost each service that reads the
     * volunteers topic a durable transaction for an event it ignores. Records of the handled types, of unknown
     * types and without a CloudEvent envelope go through {@link #process(ConsumerRecord, String, Function)}.
     */
    public Uni<Void> process(ConsumerRecord<String, byte[]> record, String consumer, EventHandlers handlers) {
        String typeName = header(record, CloudEventHeaders.TYPE);
        Optional<EventType<?>> type = typeName == null ? Optional.empty() : EventCatalog.byType(typeName);
        if (type.isPresent() && !handlers.handles(type.get().dataClass())) {
            meters.counter("tredegar.inbox.skipped", "consumer", consumer).increment();
            return Uni.createFrom().voidItem();
        }
        return process(record, consumer, handlers::handle);
    }

    /** For a consumer that acts on every event of its topics (the dashboard, notifications' webhooks). */
    public Uni<Void> process(ConsumerRecord<String, byte[]> record, String consumer,
                             Function<IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = parse(record);
        } catch (InvalidEventException e) {
            meters.counter("tredegar.inbox.poison", "consumer", consumer).increment();
            LOG.warnf("poison message on %s partition %d offset %d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        Context context = Vertx.currentContext();
        Uni<Void> once = Uni.createFrom().deferred(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(MARK_PROCESSED)
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .setParameter(3, event.type().type())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        meters.counter("tredegar.inbox.duplicates", "consumer", consumer).increment();
                        return Uni.createFrom().voidItem();
                    }
                    return handler.apply(event);
                })));
        if (context != null) {
            // Hibernate Reactive needs the Vert.x context: run each attempt (also after a backoff delay) there.
            once = once.runSubscriptionOn(task -> context.runOnContext(v -> task.run()));
        }
        return once.onFailure(e -> !(e instanceof InvalidEventException))
                .retry().withBackOff(initialBackoff, initialBackoff.multipliedBy(20)).withJitter(0.3).atMost(retries)
                .onFailure().invoke(e -> {
                    meters.counter("tredegar.inbox.failed", "consumer", consumer).increment();
                    LOG.errorf("giving up on event %s (%s) after %d retries: %s", event.id(), event.type().type(),
                            retries, e.getMessage());
                });
    }

    /** Turns a record into a typed event, or throws {@link InvalidEventException} saying why it is not one. */
    public static IncomingEvent parse(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        String typeName = header(record, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || typeName == null) {
            throw new InvalidEventException("not a CloudEvent in binary mode: ce_id and ce_type headers are required");
        }
        EventType<?> type = EventCatalog.byType(typeName)
                .orElseThrow(() -> new InvalidEventException("unknown event type " + typeName));
        if (record.value() == null) {
            throw new InvalidEventException("event " + id + " has no data");
        }
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(record.value());
        } catch (java.io.IOException e) {
            throw new InvalidEventException("event " + id + " is not JSON: " + e.getMessage());
        }
        List<String> errors = EventValidator.validate(type, json);
        if (!errors.isEmpty()) {
            throw new InvalidEventException("event " + id + " does not match " + typeName + ": " + errors);
        }
        TredegarEvent data;
        try {
            data = EventJson.mapper().treeToValue(json, type.dataClass());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new InvalidEventException("event " + id + " cannot be read as " + typeName + ": " + e.getMessage());
        }
        String time = header(record, CloudEventHeaders.TIME);
        try {
            return new IncomingEvent(id, type, time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time), data);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidEventException("event " + id + " has a ce_time that is not an RFC 3339 time: " + time);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
