package org.tredegar.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
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
        OutboxRow row;
        try {
            row = row(event);
        } catch (RuntimeException e) {
            // A producer bug fails the producer's transaction (every event in tests, a sample in production: ADR 0006).
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(INSERT), 1, row).executeUpdate())
                .invoke(relay::commitExpected)
                .replaceWith(row.eventId());
    }

    /**
     * The row {@link #append} would insert, for a caller that inserts it as part of a larger statement (one round trip
     * instead of two): bind it with {@link #bind} and call {@link #commitExpected()} once the statement has run.
     */
    public OutboxRow row(TredegarEvent event) {
        return OutboxRow.of(event, Instant.now(), check);
    }

    /** Binds the row's seven columns, in {@link OutboxRow#COLUMNS} order, to parameters {@code ?first} onwards. */
    public static <Q extends Mutiny.AbstractQuery> Q bind(Q query, int first, OutboxRow row) {
        query.setParameter(first, row.eventId());
        query.setParameter(first + 1, row.topic());
        query.setParameter(first + 2, row.messageKey());
        query.setParameter(first + 3, row.type());
        query.setParameter(first + 4, row.source());
        query.setParameter(first + 5, OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC));
        query.setParameter(first + 6, row.payload());
        return query;
    }

    /** Rows were inserted in the current transaction: the relay looks for them briskly for a while. */
    public void commitExpected() {
        relay.commitExpected();
    }

    public Uni<Void> appendAll(List<? extends TredegarEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TredegarEvent event : events) {
            chain = chain.chain(() -> append(event).replaceWithVoid());
        }
        return chain;
    }
}
