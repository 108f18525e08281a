package org.tredegar.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.EventValidator;
import org.tredegar.contracts.TredegarEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Appends an event to the outbox inside the caller's current transaction: the state change and its event commit
 * together or not at all. Call it from within {@code Panache.withTransaction} (or a {@code @WithTransaction} method).
 */
@ApplicationScoped
public class OutboxWriter {
    static final String INSERT = "INSERT INTO outbox (" + OutboxRow.COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    @Inject
    ProducerSchemaCheck check;

    @Inject
    OutboxRelay relay;

    /** Returns the CloudEvent id given to the event. */
    public Uni<UUID> append(TredegarEvent event) {
        EventType<?> type = EventCatalog.of(event.getClass());
        byte[] json = EventJson.toBytes(event);
        if (check.due(type)) {
            // A producer bug fails the producer's transaction (every event in tests, a sample in production: ADR 0006).
            List<String> errors = EventValidator.validate(type, EventJson.mapper().valueToTree(event));
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new IllegalStateException(type.type() + " does not match its schema: " + errors));
            }
        }
        UUID eventId = UUID.randomUUID();
        Instant occurredAt = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, eventId)
                .setParameter(2, type.topic())
                .setParameter(3, event.aggregateId())
                .setParameter(4, type.type())
                .setParameter(5, type.source())
                .setParameter(6, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .setParameter(7, new String(json, java.nio.charset.StandardCharsets.UTF_8))
                .executeUpdate())
                .invoke(relay::commitExpected)
                .replaceWith(eventId);
    }

    public Uni<Void> appendAll(List<? extends TredegarEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TredegarEvent event : events) {
            chain = chain.chain(() -> append(event).replaceWithVoid());
        }
        return chain;
    }
}
