package org.tredegar.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.tredegar.contracts.EventCatalog;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.EventValidator;
import org.tredegar.contracts.TredegarEvent;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One row of the {@code outbox} table, made exactly as {@link OutboxWriter} makes it (same columns, same CloudEvents
 * attributes from {@link EventCatalog}, same JSON from {@link EventJson}, same schema check), for statements that
 * write their events with plain SQL on the reactive pool instead of through Hibernate (requests' intake, volunteers'
 * sign-ups: one statement, many rows, group commit). The relay turns {@code type}, {@code source},
 * {@code message_key} (subject) and {@code occurred_at} (time) into the {@code ce_*} headers. Whoever inserts rows
 * this way calls {@link OutboxRelay#wake()} once the statement has committed.
 */
public record OutboxRow(UUID eventId, String topic, String messageKey, String type, String source, Instant occurredAt,
                        String payload) {
    public static final String COLUMNS = "event_id, topic, message_key, type, source, occurred_at, payload";

    /**
     * @param check which events are checked against their schema before they are written (ADR 0006): a failed check
     *              fails the producer's write.
     */
    public static OutboxRow of(TredegarEvent event, Instant occurredAt, ProducerSchemaCheck check) {
        EventType<?> type = EventCatalog.of(event.getClass());
        String payload;
        try {
            if (check.due(type)) {
                // Serialised once: the tree that passed the check is what is stored (same mapper, same bytes).
                JsonNode tree = EventJson.mapper().valueToTree(event);
                List<String> errors = EventValidator.validate(type, tree);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException(type.type() + " does not match its schema: " + errors);
                }
                payload = EventJson.mapper().writeValueAsString(tree);
            } else {
                payload = EventJson.mapper().writeValueAsString(event);
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
        return new OutboxRow(UUID.randomUUID(), type.topic(), event.aggregateId(), type.type(), type.source(), occurredAt,
                payload);
    }

    /**
     * The rows as one array per column, in {@link #COLUMNS} order, for a statement that inserts many at once with
     * {@code unnest(...)}: {@code UUID[]}, four {@code String[]}, {@code OffsetDateTime[]} (UTC) and {@code String[]}.
     * A mutable list, to be appended to a statement's other values.
     */
    public static List<Object> columns(List<OutboxRow> rows) {
        int n = rows.size();
        UUID[] eventId = new UUID[n];
        String[] topic = new String[n];
        String[] messageKey = new String[n];
        String[] type = new String[n];
        String[] source = new String[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        String[] payload = new String[n];
        for (int i = 0; i < n; i++) {
            OutboxRow e = rows.get(i);
            eventId[i] = e.eventId();
            topic[i] = e.topic();
            messageKey[i] = e.messageKey();
            type[i] = e.type();
            source[i] = e.source();
            occurredAt[i] = OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC);
            payload[i] = e.payload();
        }
        return new ArrayList<>(List.of(eventId, topic, messageKey, type, source, occurredAt, payload));
    }
}
